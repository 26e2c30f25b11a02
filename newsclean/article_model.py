"""The article model: which lines of a page belong to its article.

Two logistic stages over features of each non-blank line and of its neighbours, then a
decision over the sequence:

1. `line_features`: length, sentence punctuation, share of function words, position in
   the page and after the repeated headline, whether the line stood more than once in
   the page, how far a long line's length lies from that of the page's prose
   paragraphs, and the same averaged over windows of neighbours (so a short line inside
   prose differs from a short line in a menu);
2. stage one scores each line; the best-scoring stretch of the page (a maximum-sum
   segment of `score - segment_offset`, weighted by the square root of line length) is
   the article's core;
3. stage two rescores each line from its own features, its neighbours' stage-one
   scores and where it stands relative to the core; lines at or above `threshold` stay
   (`plain_threshold` in a plain reading, without headline or repeats: the lines an
   earlier reading kept, read again, which passed a first reading already).

The weights are package data (`data/model/article.json`) written by
`training/train_article_model.py` from the benchmark pages; nothing is downloaded.
`score_readings` scores many pages in one pass (`filters.article.drop_outside_articles`,
`Chain.batch`), to the same last bit as one by one.

>>> lines = ["Home", "News", "Sport", "Weather",
...     "The county council agreed on Monday to spend £4m repairing roads damaged by the winter floods.",
...     "Councillors said the work would start in March and take about six months to finish.",
...     "Residents in the worst-hit villages have complained for weeks about potholes and closed lanes.",
...     "A spokesman said the council would publish a list of the roads to be repaired first.",
...     "Most read", "Privacy policy", "Contact us"]
>>> [int(k) for k in keep_mask(lines, lang="en", headline_at=4)]
[0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from importlib import resources
from itertools import repeat
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from newsclean.page_layout import PageLayout, distance_to_spans, window_means
from newsclean.resources import stopwords
from newsclean.text import CLOSING_CHARS, SENTENCE_END_CHARS

FloatArray = npt.NDArray[np.float64]

# Lines are measured in characters; Chinese and Japanese characters carry about this many
# times the content of a Latin-script character.
CJK_LENGTH_SCALE = 2.5
CJK_LANGUAGES = frozenset({"zh", "ja"})
# A line this long (scaled characters) is long; one shorter than SHORT_LINE is short.
LONG_LINE = 80
SHORT_LINE = 30
# Function words are counted only on lines at least this long (shorter ones: share 0),
# and only in their first STOPWORD_SAMPLE_CHARS characters.
STOPWORD_MIN_CHARS = 20
STOPWORD_SAMPLE_CHARS = 300

STAGE1_FEATURES = (
    "log_length",
    "ends_sentence",
    "long",
    "short",
    "position",
    "text_before",
    "stopword_share",
    "log_commas",
    "after_headline",
    "log_headline_distance",
    "punct_window1",
    "punct_window3",
    "length_window1",
    "length_window3",
    "long_window2",
    "long_window5",
    "short_window2",
    "stopword_window2",
    "punct_x_length",
    "log_core_distance",
    "length_spread_window2",
    "repeated",
    "repeated_window3",
    "prose_length_deviation",
)
STAGE2_FEATURES = (
    "stage1",
    "stage1_window1",
    "stage1_window2",
    "stage1_window5",
    "in_segment",
    "log_segment_distance",
    "segment_position",
    "relative_stage1",
    "relative_window2",
    "page_best",
)


def _sigmoid(z: FloatArray) -> FloatArray:
    # np.minimum/np.maximum rather than np.clip, whose Python wrapper costs more than
    # the arithmetic on a page's few lines.
    out: FloatArray = 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30.0), 30.0)))
    return out


@attrs.frozen
class LogisticStage:
    """Standardise, then a logistic regression.

    Example:

    >>> stage = LogisticStage(mean=np.zeros(2), scale=np.ones(2), weights=np.array([1.0, -1.0]), bias=0.0)
    >>> stage.predict(np.array([[0.0, 0.0], [3.0, 0.0]])).round(3).tolist()
    [0.5, 0.953]
    """

    mean: FloatArray
    scale: FloatArray
    weights: FloatArray
    bias: float
    # The standardisation folded into the weights: one product per prediction.
    _folded_weights: FloatArray = attrs.field(init=False, repr=False, eq=False)
    _folded_bias: float = attrs.field(init=False, repr=False, eq=False)

    @_folded_weights.default
    def _fold_weights(self) -> FloatArray:
        out: FloatArray = self.weights / self.scale
        return out

    @_folded_bias.default
    def _fold_bias(self) -> float:
        return float(self.bias - self.mean @ self._folded_weights)

    def predict(self, features: FloatArray) -> FloatArray:
        """The probability of each row of `features` (one row per line).

        Example:

        >>> stage = LogisticStage(mean=np.ones(1), scale=np.full(1, 2.0), weights=np.ones(1), bias=0.0)
        >>> stage.predict(np.array([[1.0], [5.0]])).round(3).tolist()
        [0.5, 0.881]
        """
        z = features @ self._folded_weights + self._folded_bias
        return _sigmoid(z)

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> LogisticStage:
        """Inverse of `to_dict`.

        Example:

        >>> row = {"kind": "logistic", "mean": [0.0], "scale": [1.0], "weights": [2.0], "bias": -1.0}
        >>> stage = LogisticStage.from_dict(row)
        >>> stage.weights.tolist(), stage.bias
        ([2.0], -1.0)
        """
        return cls(
            mean=np.asarray(row["mean"], dtype=np.float64),
            scale=np.asarray(row["scale"], dtype=np.float64),
            weights=np.asarray(row["weights"], dtype=np.float64),
            bias=float(row["bias"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written to `data/model/article.json` (numbers rounded to 6 places).

        Example:

        >>> LogisticStage(np.zeros(1), np.ones(1), np.array([0.12345678]), 0.5).to_dict()
        {'kind': 'logistic', 'mean': [0.0], 'scale': [1.0], 'weights': [0.123457], 'bias': 0.5}
        """
        return {
            "kind": "logistic",
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "weights": [round(float(x), 6) for x in self.weights],
            "bias": round(self.bias, 6),
        }


@attrs.frozen
class TreeStage:
    """Gradient-boosted oblivious trees (each tree asks the same question at every node
    of a level), so every line goes through every tree with a few array operations:
    compare, pack the answers into a leaf number, look up, add.

    `features` and `thresholds` are `(trees, depth)`; `leaves` is `(trees, 2**depth)`;
    a line goes right at a level when its feature is above the threshold.

    Example:

    >>> one_tree = TreeStage(features=np.array([[0]]), thresholds=np.array([[0.5]]),
    ...                      leaves=np.array([[-2.0, 2.0]]), base=0.0)
    >>> one_tree.predict(np.array([[0.0], [1.0]])).round(2).tolist()
    [0.12, 0.88]
    """

    features: npt.NDArray[np.intp]
    thresholds: FloatArray
    leaves: FloatArray
    base: float

    def predict(self, features: FloatArray) -> FloatArray:
        """The probability of each row of `features` (one row per line).

        Example:

        >>> stump = TreeStage(np.array([[1]]), np.array([[10.0]]), np.array([[0.0, 1.0]]), base=-1.0)
        >>> stump.predict(np.array([[0.0, 5.0], [0.0, 50.0]])).round(3).tolist()
        [0.269, 0.5]
        """
        depth = self.features.shape[1]
        answers = features[:, self.features] > self.thresholds  # (lines, trees, depth)
        leaf = answers @ (1 << np.arange(depth))  # (lines, trees)
        z = self.leaves[np.arange(len(self.leaves)), leaf].sum(axis=1) + self.base
        return _sigmoid(z)

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> TreeStage:
        """Inverse of `to_dict`.

        Example:

        >>> row = {"kind": "trees", "features": [[0, 1]], "thresholds": [[0.5, 2.0]],
        ...        "leaves": [[0.0, 1.0, 2.0, 3.0]], "base": 0.1}
        >>> stage = TreeStage.from_dict(row)
        >>> stage.features.shape, stage.leaves.shape
        ((1, 2), (1, 4))
        """
        return cls(
            features=np.asarray(row["features"], dtype=np.intp),
            thresholds=np.asarray(row["thresholds"], dtype=np.float64),
            leaves=np.asarray(row["leaves"], dtype=np.float64),
            base=float(row["base"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written to `data/model/article.json` (numbers rounded to 6 places).

        Example:

        >>> stage = TreeStage(np.array([[0]]), np.array([[0.5]]), np.array([[-2.0, 2.0]]), 0.0)
        >>> stage.to_dict()
        {'kind': 'trees', 'features': [[0]], 'thresholds': [[0.5]], 'leaves': [[-2.0, 2.0]], 'base': 0.0}
        """
        return {
            "kind": "trees",
            "features": self.features.tolist(),
            "thresholds": [[round(float(x), 6) for x in row] for row in self.thresholds],
            "leaves": [[round(float(x), 6) for x in row] for row in self.leaves],
            "base": round(self.base, 6),
        }


Stage = LogisticStage | TreeStage


def stage_from_dict(row: dict[str, Any]) -> Stage:
    """A stage of either kind from its JSON form.

    Example:

    >>> row = {"kind": "trees", "features": [[0]], "thresholds": [[0.5]], "leaves": [[-2.0, 2.0]], "base": 0}
    >>> type(stage_from_dict(row)).__name__
    'TreeStage'
    >>> type(stage_from_dict({"mean": [0.0], "scale": [1.0], "weights": [1.0], "bias": 0.0})).__name__
    'LogisticStage'
    """
    return TreeStage.from_dict(row) if row.get("kind") == "trees" else LogisticStage.from_dict(row)


@attrs.frozen
class ArticleModel:
    """Both stages and the decision thresholds.

    Example:

    >>> model = shipped_model()
    >>> 0.0 < model.threshold < 1.0, model.stage1.predict(np.zeros((2, len(STAGE1_FEATURES)))).shape
    (True, (2,))
    """

    stage1: Stage
    stage2: Stage
    segment_offset: float
    threshold: float
    """The decision threshold of a reading with the page's headline or repeated lines."""
    plain_threshold: float = attrs.field()
    """The threshold of a plain reading (no headline, no repeats): lines that an earlier
    reading kept, read again, and clean text; see `Reading.is_plain`."""

    @plain_threshold.default
    def _same_threshold(self) -> float:
        return self.threshold

    def threshold_of(self, reading: Reading) -> float:
        """The threshold `reading` is decided at."""
        return self.plain_threshold if reading.is_plain else self.threshold

    def at_threshold(self, threshold: float) -> ArticleModel:
        """This model deciding every reading at `threshold` (`Config.article_threshold`).

        Example:

        >>> model = shipped_model().at_threshold(0.7)
        >>> model.threshold, model.plain_threshold, model.stage1 is shipped_model().stage1
        (0.7, 0.7, True)
        """
        if threshold == self.threshold == self.plain_threshold:
            return self
        return attrs.evolve(self, threshold=threshold, plain_threshold=threshold)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of `data/model/article.json`, with the feature names it was trained on.

        Example:

        >>> row = shipped_model().to_dict()
        >>> row["stage1_features"][:2], len(row["stage2_features"]) == len(STAGE2_FEATURES)
        (['log_length', 'ends_sentence'], True)
        """
        return {
            "stage1_features": list(STAGE1_FEATURES),
            "stage2_features": list(STAGE2_FEATURES),
            "stage1": self.stage1.to_dict(),
            "stage2": self.stage2.to_dict(),
            "segment_offset": self.segment_offset,
            "threshold": self.threshold,
            "plain_threshold": self.plain_threshold,
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> ArticleModel:
        """Inverse of `to_dict`; refuses a model trained on other features.

        Example:

        >>> row = shipped_model().to_dict()
        >>> ArticleModel.from_dict(row).threshold == shipped_model().threshold
        True
        >>> ArticleModel.from_dict({**row, "stage1_features": ["log_length"]})
        Traceback (most recent call last):
        ValueError: article model was trained on other features; retrain it
        """
        if (
            tuple(row["stage1_features"]) != STAGE1_FEATURES
            or tuple(row["stage2_features"]) != STAGE2_FEATURES
        ):
            raise ValueError("article model was trained on other features; retrain it")
        return cls(
            stage1=stage_from_dict(row["stage1"]),
            stage2=stage_from_dict(row["stage2"]),
            segment_offset=float(row["segment_offset"]),
            threshold=float(row["threshold"]),
            plain_threshold=float(row.get("plain_threshold", row["threshold"])),
        )


MODEL_FILE = "article.json"


@functools.cache
def shipped_model() -> ArticleModel:
    """The model shipped as package data.

    Example:

    >>> shipped_model() is shipped_model()
    True
    >>> shipped_model().to_dict()["stage2_features"] == list(STAGE2_FEATURES)
    True
    """
    path = resources.files("newsclean") / "data" / "model" / MODEL_FILE
    return ArticleModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def max_segment(values: FloatArray | list[float]) -> tuple[int, int]:
    """`(start, end)` of the contiguous stretch with the largest sum (empty: `(0, 0)`);
    the first such stretch, as short as it can start.

    One pass of Kadane's rule in plain Python: a page has tens of lines, where a loop
    costs less than the numpy calls a vectorised version needs.

    >>> max_segment(np.array([-1.0, 2.0, -0.5, 2.0, -3.0]))
    (1, 4)
    """
    total = 0.0
    lowest, lowest_at = 0.0, 0  # the smallest prefix sum so far, and its first position
    best, start, end = 0.0, 0, 0
    for at, value in enumerate(values if isinstance(values, list) else values.tolist(), 1):
        total += value
        if total - lowest > best:
            best, start, end = total - lowest, lowest_at, at
        if total < lowest:
            lowest, lowest_at = total, at
    return start, end


def _longest_long_run(lengths: list[float], total: float) -> tuple[int, int]:
    """The run of consecutive long lines with the most text (`total`: the sum of
    `lengths`); a short line counts as minus the mean length."""
    below = -total / len(lengths) if len(lengths) else 0.0
    return max_segment([length if length >= LONG_LINE else below for length in lengths])


# Sentence-final punctuation (`newsclean.text`), and what may follow it at the end of a line.
SENTENCE_ENDERS = frozenset(SENTENCE_END_CHARS)
# The comma counted in the lines of a page in each language whose script has its own
# (besides Chinese and Japanese, whose "，" `line_basics` counts); "," elsewhere.
COMMAS = {"ar": "،"}
LINE_END_CLOSERS = CLOSING_CHARS + " \t"


def _stopword_shares(
    lines: Sequence[str], words_of: frozenset[str], samples: Iterable[str] | None = None
) -> FloatArray:
    contains = words_of.__contains__
    if samples is None:  # each line's first characters, lower-cased here
        samples = (line[:STOPWORD_SAMPLE_CHARS].lower() for line in lines)
    shares = [
        sum(map(contains, words)) / len(words)
        if len(line) >= STOPWORD_MIN_CHARS and (words := sample.split())
        else 0.0
        for line, sample in zip(lines, samples, strict=True)
    ]
    return np.asarray(shares, dtype=np.float64)


@attrs.frozen
class LineBasics:
    """What a line's features need from its own text alone, computed once per page and
    reused when the model reads a subset of the lines again (`take`).

    Example:

    >>> basics = line_basics(["Home", "The council met on Monday, and agreed."], "en")
    >>> basics.lengths.tolist(), basics.ends.tolist(), basics.commas.tolist()
    ([4.0, 38.0], [0.0, 1.0], [0.0, 1.0])
    """

    lengths: FloatArray
    """Characters (scaled for Chinese and Japanese)."""
    raw_lengths: FloatArray
    ends: FloatArray
    stopword_share: FloatArray
    commas: FloatArray

    def take(self, positions: Sequence[int]) -> LineBasics:
        """The basics of the lines at `positions`, in that order.

        Example:

        >>> basics = line_basics(["Home", "Sport", "The council met on Monday."], "en")
        >>> basics.take([2, 0]).raw_lengths.tolist()
        [26.0, 4.0]
        """
        at = np.asarray(positions, dtype=np.intp)
        return LineBasics(
            self.lengths[at], self.raw_lengths[at], self.ends[at], self.stopword_share[at], self.commas[at]
        )


def line_basics(lines: Sequence[str], lang: str | None, samples: Sequence[str] | None = None) -> LineBasics:
    """Per-line measures of `lines`: a few C-level calls per line (`samples`: the lines'
    first `STOPWORD_SAMPLE_CHARS` characters lower-cased, when the caller has them).

    Example:

    >>> basics = line_basics(["市议会周一开会，批准了预算。"], "zh")
    >>> basics.raw_lengths.tolist(), basics.lengths.tolist(), basics.commas.tolist()
    ([14.0], [35.0], [1.0])
    >>> line_basics(["وافق المجلس، بعد نقاش طويل، على الميزانية؟"], "ar").commas.tolist()
    [2.0]
    """
    n = len(lines)
    cjk = lang in CJK_LANGUAGES
    raw_lengths = np.fromiter(map(len, lines), dtype=np.float64, count=n)
    last_chars = [line.rstrip(LINE_END_CLOSERS)[-1:] for line in lines]
    ends = np.fromiter(map(SENTENCE_ENDERS.__contains__, last_chars), dtype=np.float64, count=n)
    words_of = stopwords(lang) if lang and not cjk else frozenset()
    comma = "，" if cjk else COMMAS.get(lang or "", ",")
    return LineBasics(
        lengths=raw_lengths * (CJK_LENGTH_SCALE if cjk else 1.0),
        raw_lengths=raw_lengths,
        ends=ends,
        stopword_share=_stopword_shares(lines, words_of, samples) if words_of else np.zeros(n),
        commas=np.fromiter(map(str.count, lines, repeat(comma)), dtype=np.float64, count=n),
    )


@attrs.frozen(eq=False)
class Reading:
    """One page's lines as the model is to read them: `headline_at`, the index of the
    line the page's headline stood before (or `None`); `basics`, the lines'
    `line_basics` when the caller has them; `repeated`, 1 for each line that stood more
    than once in the page (see `line_features`).

    Example:

    >>> reading = Reading(["Home", "The council met on Monday and agreed to repair the wall."], "en")
    >>> reading.headline_at is None, len(reading.lines)
    (True, 2)
    """

    lines: Sequence[str]
    lang: str | None
    headline_at: int | None = None
    basics: LineBasics | None = None
    repeated: FloatArray | None = None

    @property
    def is_plain(self) -> bool:
        """Whether the reading has neither a headline nor a repeated line, as clean text
        read again has not.

        >>> Reading(["Rain fell."], "en").is_plain, Reading(["Rain fell."], "en", headline_at=0).is_plain
        (True, False)
        """
        return reads_plain(self.headline_at, self.repeated)


def reads_plain(headline_at: int | None, repeated: FloatArray | None) -> bool:
    """Whether a reading with this headline place and these repeat flags is plain (see
    `Reading.is_plain`).

    >>> reads_plain(None, None), reads_plain(None, np.zeros(3)), reads_plain(None, np.ones(3))
    (True, True, False)
    """
    return headline_at is None and (repeated is None or not repeated.any())


def _joined(arrays: list[FloatArray]) -> FloatArray:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


def _stage1_features(
    basics: list[LineBasics],
    headlines: list[int | None],
    repeats: list[FloatArray | None],
    layout: PageLayout,
) -> FloatArray:
    """Stage-one features of the lines of every page of `layout`, one row per line."""
    lengths = _joined([b.lengths for b in basics])
    ends = _joined([b.ends for b in basics])
    stopword_share = _joined([b.stopword_share for b in basics])
    numbers = layout.line_numbers
    log_length = np.log1p(lengths)
    long = (lengths >= LONG_LINE).astype(np.float64)
    short = (lengths < SHORT_LINE).astype(np.float64)
    position = numbers / layout.per_line([max(n - 1, 1) for n in layout.sizes.tolist()])
    totals, text_before = _text_before(lengths, layout)
    after_headline, headline_distance = _headline_features(headlines, layout)
    listed = lengths.tolist()
    cores = [
        _longest_long_run(listed[rows], total) for rows, total in zip(layout.pages, totals, strict=True)
    ]
    core_distance = np.log1p(distance_to_spans(layout, cores))
    repeated = _joined(
        [np.zeros(len(b.lengths)) if r is None else r for b, r in zip(basics, repeats, strict=True)]
    )
    columns = np.array(
        (ends, log_length, long, short, stopword_share, log_length * log_length, repeated)
    ).T
    r1, r2, r3, r5 = window_means(columns, layout)  # by radius, see page_layout.RADII
    spread = np.sqrt(np.maximum(r2[:, 5] - r2[:, 1] * r2[:, 1], 0.0))
    commas = _joined([b.commas for b in basics])
    features: FloatArray = np.array(
        (
            log_length, ends, long, short, position, text_before,
            stopword_share, np.log1p(commas), after_headline, headline_distance,
            r1[:, 0], r3[:, 0], r1[:, 1], r3[:, 1],
            r2[:, 2], r5[:, 2], r2[:, 3], r2[:, 4],
            ends * log_length, core_distance, spread, repeated, r3[:, 6],
            _prose_length_deviation(log_length, long, ends, layout),
        )
    ).T  # fmt: skip
    return features


def _prose_length_deviation(
    log_length: FloatArray, long: FloatArray, ends: FloatArray, layout: PageLayout
) -> FloatArray:
    """For each long line, how far its log length lies from the mean log length of its
    page's prose (its long lines that end a sentence): an article's paragraphs are alike
    in length, a legal notice or a reader's comment after them often is not. 0 for other
    lines, and on a page without prose. Each page's sums are taken over its own rows
    (`np.add.reduceat`), in the same order alone or in a batch.

    >>> lengths = np.log1p(np.array([300.0, 310.0, 12.0, 900.0]))
    >>> layout = PageLayout.of([4])
    >>> long, ends = np.array([1.0, 1, 0, 1]), np.array([1.0, 1, 0, 0])
    >>> _prose_length_deviation(lengths, long, ends, layout).round(2).tolist()
    [0.02, 0.02, 0.0, 1.08]
    """
    prose = long * ends
    sums = np.add.reduceat(log_length * prose, layout.starts)
    counts = np.add.reduceat(prose, layout.starts)
    mean = layout.per_line(sums / np.maximum(counts, 1.0))
    has_prose = layout.per_line(counts) > 0
    out: FloatArray = np.abs(log_length - mean) * long * has_prose
    return out


def _text_before(lengths: FloatArray, layout: PageLayout) -> tuple[list[float], FloatArray]:
    """The total length of each page, and the share of its page's text before each line.
    Lengths are whole or half characters, so the sums are exact: a page's shares are the
    same alone or in a batch."""
    if len(layout.sizes) == 1:
        total = float(lengths.sum())
        return [total], (np.cumsum(lengths) - lengths) / (total or 1.0)
    totals = np.add.reduceat(lengths, layout.starts)
    running = np.cumsum(lengths)
    before = running - lengths - layout.per_line(running[layout.starts] - lengths[layout.starts])
    return totals.tolist(), before / layout.per_line(np.where(totals == 0, 1.0, totals))


def _headline_features(headlines: list[int | None], layout: PageLayout) -> tuple[FloatArray, FloatArray]:
    """Whether each line stands after its page's headline, and how far from it (zeros on a
    page without one)."""
    numbers = layout.line_numbers
    if all(at is None for at in headlines):
        zeros = np.zeros(len(numbers))
        return zeros, zeros
    if len(headlines) == 1 and (only := headlines[0]) is not None:
        return (numbers >= only).astype(np.float64), np.log1p(np.abs(numbers - only))
    has = layout.per_line([at is not None for at in headlines]) > 0
    at = layout.per_line([0 if at is None else at for at in headlines])
    return (
        np.where(has, numbers >= at, False).astype(np.float64),
        np.where(has, np.log1p(np.abs(numbers - at)), 0.0),
    )


def line_features(
    lines: Sequence[str],
    lang: str | None,
    headline_at: int | None,
    basics: LineBasics | None = None,
    repeated: FloatArray | None = None,
) -> FloatArray:
    """Stage-one features, one row per line (see `STAGE1_FEATURES`).

    `headline_at` is the index of the line the page's headline stood before (the article
    usually starts there), or `None`; `basics` are the lines' `line_basics` when the
    caller has them. Everything but the basics is vectorised.

    Example:

    >>> lines = ["Home", "The council met on Monday and agreed to repair the harbour wall.", "Contact us"]
    >>> features = line_features(lines, "en", None)
    >>> features.shape == (3, len(STAGE1_FEATURES))
    True
    >>> features[:, STAGE1_FEATURES.index("ends_sentence")].tolist()
    [0.0, 1.0, 0.0]
    """
    basics = basics if basics is not None else line_basics(lines, lang)
    if not len(basics.lengths):
        return np.zeros((0, len(STAGE1_FEATURES)))
    return _stage1_features([basics], [headline_at], [repeated], PageLayout.of([len(basics.lengths)]))


def _stage2_features(
    stage1: FloatArray, lengths: FloatArray, offset: float, layout: PageLayout
) -> FloatArray:
    """Stage-two features of the lines of every page of `layout` (see `segment_features`)."""
    numbers = layout.line_numbers
    if len(layout.sizes) == 1:
        best: FloatArray | float = float(stage1.max())
        relative = stage1 / best if best > 0 else stage1
    else:
        best = layout.per_line(np.maximum.reduceat(stage1, layout.starts))
        positive = best > 0
        relative = np.where(positive, stage1 / np.where(positive, best, 1.0), stage1)
    values = ((relative - offset) * np.sqrt(lengths)).tolist()
    spans = [max_segment(values[rows]) for rows in layout.pages]
    start = layout.per_line([a for a, _ in spans])
    end = layout.per_line([b for _, b in spans])
    in_segment = ((numbers >= start) & (numbers < end)).astype(np.float64)
    distance = np.log1p(distance_to_spans(layout, spans))
    segment_position = (numbers - start) / np.maximum(end - start, 1)
    r1, r2, _, r5 = window_means(np.array((stage1, relative)).T, layout)
    features: FloatArray = np.array(
        (
            stage1,
            r1[:, 0],
            r2[:, 0],
            r5[:, 0],
            in_segment,
            distance,
            np.minimum(np.maximum(segment_position, -2.0), 3.0),
            relative,
            r2[:, 1],
            best if isinstance(best, np.ndarray) else np.full(len(numbers), best),
        )
    ).T
    return features


def segment_features(stage1: FloatArray, lengths: FloatArray, offset: float) -> FloatArray:
    """Stage-two features from stage-one scores (see `STAGE2_FEATURES`).

    Scores are also taken relative to the page's best line, and the core segment is
    found on those, so that a page whose article reads less like prose than most
    (lists, quotes, scores) still has its best stretch recognised as the article.

    Example:

    >>> features = segment_features(np.array([0.2, 0.9, 0.8]), np.array([10.0, 80.0, 60.0]), 0.5)
    >>> features.shape == (3, len(STAGE2_FEATURES)), features[:, STAGE2_FEATURES.index("in_segment")].tolist()
    (True, [0.0, 1.0, 1.0])
    """
    if not len(stage1):
        return np.zeros((0, len(STAGE2_FEATURES)))
    return _stage2_features(stage1, lengths, offset, PageLayout.of([len(stage1)]))


def score_readings(readings: Sequence[Reading], model: ArticleModel | None = None) -> list[FloatArray]:
    """Probability that each line belongs to the article, for every reading at once:
    the pages' lines are laid end to end and scored together, which costs a batch of
    short pages about half of scoring them one by one (numpy's cost per call is paid once
    per batch for most calls; the window sums and the stages' products stay page by page,
    see `newsclean.page_layout`). A page scores the same alone or in any batch.

    Example:

    >>> ferries = ["Home", "Sport",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Contact us"]
    >>> alone = score_readings([Reading(ferries, "en")])[0]
    >>> together = score_readings([Reading(["Menu", "Login", "Search"], "en"), Reading([], "en"),
    ...                            Reading(ferries, "en", headline_at=2)])
    >>> [len(scores) for scores in together], bool(alone[2:4].min() > alone[[0, 1, 4]].max())
    ([3, 0, 5], True)
    """
    model = model or shipped_model()
    out: list[FloatArray] = [np.zeros(0)] * len(readings)
    live = [at for at, reading in enumerate(readings) if len(reading.lines)]
    if not live:
        return out
    basics = [
        reading.basics if reading.basics is not None else line_basics(reading.lines, reading.lang)
        for reading in (readings[at] for at in live)
    ]
    layout = PageLayout.of([len(b.lengths) for b in basics])
    first = _stage1_features(
        basics, [readings[at].headline_at for at in live], [readings[at].repeated for at in live], layout
    )
    stage1 = _predict(model.stage1, first, layout)
    raw_lengths = _joined([b.raw_lengths for b in basics])
    second = np.hstack((first, _stage2_features(stage1, raw_lengths, model.segment_offset, layout)))
    for at, scores in zip(live, layout.split(_predict(model.stage2, second, layout)), strict=True):
        out[at] = scores
    return out


def _predict(stage: Stage, features: FloatArray, layout: PageLayout) -> FloatArray:
    """`stage.predict`, page by page, each page's rows copied out as a page alone has them:
    a matrix product's result for a row can depend on how many rows there are and where
    they lie in memory, and a page must score the same alone or in any batch."""
    if len(layout.sizes) == 1:
        return stage.predict(features)
    out = np.empty(len(features))
    for rows in layout.pages:
        out[rows] = stage.predict(features[rows].copy(order="K"))
    return out


def score_lines(
    lines: Sequence[str],
    lang: str | None,
    headline_at: int | None,
    model: ArticleModel | None = None,
    basics: LineBasics | None = None,
    repeated: FloatArray | None = None,
) -> FloatArray:
    """Probability that each line belongs to the article (`basics`: the lines'
    `line_basics`, when the caller has them; `repeated`: 1 for each line that stood
    more than once in the page, see `line_features`).

    Example:

    >>> lines = ["Home", "Sport",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Contact us"]
    >>> scores = score_lines(lines, "en", None)
    >>> bool(scores[2:4].min() > scores[[0, 1, 4]].max()), score_lines([], "en", None).shape
    (True, (0,))
    """
    return score_readings([Reading(lines, lang, headline_at, basics, repeated)], model)[0]


def keep_masks(readings: Sequence[Reading], model: ArticleModel | None = None) -> list[npt.NDArray[np.bool_]]:
    """Which lines the model keeps, for every reading at once (see `score_readings`).

    Example:

    >>> ferries = ["Home", "Sport",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Islanders had been without fresh deliveries since the harbour wall was damaged.",
    ...     "Contact us"]
    >>> [mask.tolist() for mask in keep_masks([Reading(ferries, "en", headline_at=2), Reading([], "en")])]
    [[False, False, True, True, True, False], []]
    """
    model = model or shipped_model()
    return [
        scores >= model.threshold_of(reading)
        for reading, scores in zip(readings, score_readings(readings, model), strict=True)
    ]


def keep_mask(
    lines: Sequence[str],
    lang: str | None,
    headline_at: int | None,
    model: ArticleModel | None = None,
    basics: LineBasics | None = None,
    repeated: FloatArray | None = None,
) -> npt.NDArray[np.bool_]:
    """Which lines the model keeps.

    Example:

    >>> lines = ["Home", "Sport",
    ...     "Ferries to the island ran again on Tuesday after a week of storms kept them in port.",
    ...     "The operator said the first boat left at seven and every crossing was full by noon.",
    ...     "Islanders had been without fresh deliveries since the harbour wall was damaged.",
    ...     "Contact us"]
    >>> keep_mask(lines, "en", headline_at=2).tolist()
    [False, False, True, True, True, False]
    """
    return keep_masks([Reading(lines, lang, headline_at, basics, repeated)], model)[0]
