"""newsclean as a datatrove pipeline step (`pip install newsclean[datatrove]`).

`NewscleanStep` cleans the text of each datatrove `Document` and puts what newsclean found
(title, date, byline, captions, flags, removal counts by reason; the edit log with
`explain=True`) under `doc.metadata["newsclean"]`. The page URL is read from
`doc.metadata["url"]`, where datatrove's readers put a record's other fields (and the
site's name from `doc.metadata["site"]`, for site profiles of pages without a URL). The step
keeps no state between documents, so any datatrove executor (local, Slurm, Ray) can run
it on as many tasks as it likes: each task cleans its own shard of the input files, 64
documents at a time (the article model reads a batch's pages together).

>>> from datatrove.data import Document
>>> page = "Budget agreed\\nShare this article\\nThe council agreed."
>>> [doc] = NewscleanStep()([Document(text=page, id="a1")])
>>> doc.text, doc.metadata["newsclean"]["title"]
('The council agreed.', 'Budget agreed')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from datatrove.data import Document as DatatroveDocument
from datatrove.pipeline.base import PipelineStep

from newsclean.chain import Chain, default_chain
from newsclean.document import Document
from newsclean.records import OUTPUT_KEY

# Documents cleaned together (`Chain.batch`) as they stream through the step.
BATCH_DOCUMENTS = 64


class NewscleanStep(PipelineStep):
    """Clean each document with `chain` (the default chain when `None`).

    `drop_empty` leaves out the documents whose clean text is empty (counted in the
    step's `dropped_empty` statistic); by default they are passed on with an empty text.

    Example:

    >>> from datatrove.data import Document
    >>> step = NewscleanStep(drop_empty=True)
    >>> pages = [Document(text="Ferries resume\\nShare this\\nFerries ran again.", id="a1"),
    ...          Document(text="Share this article", id="a2")]
    >>> [doc.id for doc in step(pages)], step.stats.stats["dropped_empty"].total
    (['a1'], 1)
    """

    name = "newsclean"
    type = "FORMAT"

    def __init__(self, chain: Chain | None = None, *, explain: bool = False,
                 drop_empty: bool = False) -> None:
        super().__init__()
        self.chain = chain or default_chain()
        self.explain = explain
        self.drop_empty = drop_empty

    def clean(self, doc: DatatroveDocument) -> DatatroveDocument:
        """Clean one datatrove document in place and return it.

        Example:

        >>> from datatrove.data import Document
        >>> page = Document(text="Ferries resume\\nShare this article\\nFerries ran again.", id="a1",
        ...                 metadata={"url": "https://news.example/ferries"})
        >>> doc = NewscleanStep().clean(page)
        >>> doc is page, doc.text, doc.metadata["newsclean"]["removed_by_reason"]
        (True, 'Ferries ran again.', {'share': 1, 'title': 1})
        """
        return self.clean_all([doc])[0]

    def clean_all(self, docs: list[DatatroveDocument]) -> list[DatatroveDocument]:
        """Clean datatrove documents in place, together (`Chain.batch`), and return them.

        Example:

        >>> from datatrove.data import Document
        >>> pages = [Document(text="Ferries resume\\nShare this\\nFerries ran again.", id="a1"),
        ...          Document(text="Storm closes road\\nListen to this article\\nThe road closed.", id="a2")]
        >>> [doc.text for doc in NewscleanStep().clean_all(pages)]
        ['Ferries ran again.', 'The road closed.']
        """
        pages = []
        for doc in docs:
            url, site = doc.metadata.get("url"), doc.metadata.get("site")
            pages.append(Document.from_text(doc.text, id=str(doc.id) if doc.id is not None else None,
                                            url=url if isinstance(url, str) else None,
                                            site=site if isinstance(site, str) else None))
        for doc, cleaned in zip(docs, self.chain.batch(pages), strict=True):
            info: dict[str, Any] = cleaned.to_dict(explain=self.explain)
            doc.text = cleaned.text
            doc.metadata[OUTPUT_KEY] = info
            self.stat_update("removed_lines", value=int(info["removed_lines"]))
            for reason, lines in info["removed_by_reason"].items():
                self.stat_update(f"removed_{reason}", value=int(lines))
            for flag in info["flags"]:
                self.stat_update(f"flag_{flag}")
        return docs

    def run(self, data: Iterable[DatatroveDocument] | None, rank: int = 0,
            world_size: int = 1) -> Iterator[DatatroveDocument]:
        """Clean the documents of `data` (the datatrove step protocol), `BATCH_DOCUMENTS` at
        a time, counting documents, removals and flags in the step's stats.

        Example:

        >>> from datatrove.data import Document
        >>> step = NewscleanStep()
        >>> page = Document(text="Ferries resume\\nShare this\\nFerries ran.", id="a1")
        >>> [doc.text for doc in step.run([page])]
        ['Ferries ran.']
        >>> step.stats.stats["documents"].total, step.stats.stats["removed_share"].total
        (1, 1)
        """
        batch: list[DatatroveDocument] = []
        for doc in data or ():
            self.stat_update("documents")
            batch.append(doc)
            if len(batch) == BATCH_DOCUMENTS:
                yield from self._cleaned(batch)
                batch = []
        yield from self._cleaned(batch)

    def _cleaned(self, batch: list[DatatroveDocument]) -> Iterator[DatatroveDocument]:
        if not batch:
            return
        with self.track_time(unit="batch"):
            self.clean_all(batch)
        for doc in batch:
            if self.drop_empty and not doc.text.strip():
                self.stat_update("dropped_empty")
                continue
            yield doc
