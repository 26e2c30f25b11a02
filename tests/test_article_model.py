"""The article model's parts: window means, the max-sum core, both kinds of stage, and the
shipped model's file."""

from __future__ import annotations

import numpy as np
import pytest

from newsclean.article_model import (
    ArticleModel,
    LogisticStage,
    Reading,
    TreeStage,
    keep_mask,
    keep_masks,
    max_segment,
    score_lines,
    score_readings,
    shipped_model,
    stage_from_dict,
)
from newsclean.page_layout import CACHED_PAGE_LINES, RADII, PageLayout, window_means

PAGE = [
    "Home",
    "World",
    "Sport",
    "Weather",
    "The county council agreed on Monday to spend £4m repairing roads damaged by the winter floods.",
    "Councillors said the work would start in March and take about six months to finish.",
    "Residents in the worst-hit villages have complained for weeks about potholes and closed lanes.",
    "A spokesman said the council would publish a list of the roads to be repaired first.",
    "Most read",
    "Privacy policy",
]


def test_window_means_average_neighbours_and_shrink_at_the_edges() -> None:
    radius_1 = window_means(np.array([[0.0], [3.0], [0.0], [3.0]]))[0, :, 0]
    assert radius_1.tolist() == [1.5, 1.0, 2.0, 1.5]


def test_max_segment_finds_the_best_stretch() -> None:
    assert max_segment(np.array([-2.0, 1.0, 1.0, -0.5, 2.0, -5.0, 1.0])) == (1, 5)
    assert max_segment(np.array([-1.0, -2.0])) == (0, 0)
    assert max_segment(np.zeros(0)) == (0, 0)


def test_tree_stage_goes_right_above_the_threshold() -> None:
    stage = TreeStage(
        features=np.array([[0]]),
        thresholds=np.array([[0.5]]),
        leaves=np.array([[-3.0, 3.0]]),
        base=0.0,
    )
    scores = stage.predict(np.array([[0.2], [0.9]]))
    assert scores[0] < 0.1 < 0.9 < scores[1]
    again = stage_from_dict(stage.to_dict())
    assert isinstance(again, TreeStage)
    assert np.allclose(again.predict(np.array([[0.9]])), scores[1:])


def test_logistic_stage_round_trips() -> None:
    stage = LogisticStage(mean=np.zeros(2), scale=np.ones(2), weights=np.array([1.0, -1.0]), bias=0.5)
    again = stage_from_dict(stage.to_dict())
    x = np.array([[1.0, 2.0], [3.0, -1.0]])
    assert np.allclose(again.predict(x), stage.predict(x))


def test_shipped_model_round_trips_and_keeps_the_article() -> None:
    model = shipped_model()
    assert ArticleModel.from_dict(model.to_dict()).threshold == model.threshold
    keep = keep_mask(PAGE, "en", headline_at=4)
    assert keep.tolist() == [False] * 4 + [True] * 4 + [False] * 2


def test_plain_readings_are_decided_at_their_own_threshold() -> None:
    """A reading with the headline or repeated lines is decided at `threshold`; a plain one
    (what an earlier reading kept, read again; clean text) at `plain_threshold`."""
    model = shipped_model()
    again = ArticleModel.from_dict(model.to_dict())
    assert (again.threshold, again.plain_threshold) == (model.threshold, model.plain_threshold)
    assert model.plain_threshold <= model.threshold
    # An older model file without the field decides every reading at its one threshold.
    older = {key: value for key, value in model.to_dict().items() if key != "plain_threshold"}
    assert ArticleModel.from_dict(older).plain_threshold == model.threshold
    plain, headed = Reading(PAGE, "en"), Reading(PAGE, "en", headline_at=4)
    assert plain.is_plain and not headed.is_plain
    assert not Reading(PAGE, "en", repeated=np.eye(1, len(PAGE))[0]).is_plain
    scores = score_readings([plain], model)[0]
    between = float(np.sort(scores)[-5] + np.sort(scores)[-4]) / 2  # keeps the four best lines
    lenient = ArticleModel(model.stage1, model.stage2, model.segment_offset, 1.0, between)
    keep_plain, keep_headed = keep_masks([plain, headed], lenient)
    assert keep_plain.sum() == 4 and not keep_headed.any()


def test_layouts_of_long_pages_are_not_kept() -> None:
    # A long run must not fill the cache with its biggest pages' layouts.
    from newsclean.page_layout import _cached_page_index, _one_page

    before = (_one_page.cache_info().currsize, _cached_page_index.cache_info().currsize)
    long_page = PageLayout.of([CACHED_PAGE_LINES + 1])
    assert (_one_page.cache_info().currsize, _cached_page_index.cache_info().currsize) == before
    assert long_page.line_numbers[-1] == CACHED_PAGE_LINES
    assert PageLayout.of([7]) is PageLayout.of([7])


def test_windows_stay_within_their_page() -> None:
    columns = np.array([[1.0], [1.0], [1.0], [100.0], [100.0]])
    means = window_means(columns, PageLayout.of([3, 2]))
    assert means[:, :3, 0].tolist() == [[1.0] * 3] * len(RADII)
    assert means[:, 3:, 0].tolist() == [[100.0] * 2] * len(RADII)


OTHER_PAGES = [
    ["Menu", "Search", "Log in"],
    [],
    ["Storm closes coast road",
     "Drivers were told to avoid the A39 on Friday as waves broke over the sea wall.",
     "The road is expected to reopen on Saturday morning.", "Share this", "Most read"],
    ["单行"],
]  # fmt: skip


@pytest.mark.parametrize("place", [0, 1, 4])
def test_a_page_scores_the_same_alone_and_in_any_batch(place: int) -> None:
    alone = score_lines(PAGE, "en", 4)
    readings = [Reading(lines, "zh" if lines == ["单行"] else "en") for lines in OTHER_PAGES]
    readings.insert(place, Reading(PAGE, "en", headline_at=4))
    together = score_readings(readings)
    assert together[place].tolist() == alone.tolist()  # to the last bit
    assert [len(scores) for scores in together] == [len(r.lines) for r in readings]


@pytest.mark.parametrize("lines", [1, 2, 3, 6, 11, 40, CACHED_PAGE_LINES + 3])
def test_window_means_are_the_means_of_each_window(lines: int) -> None:
    """Every radius, at the page's edges too (where a window holds fewer lines)."""
    columns = np.random.default_rng(lines).random((lines, 3))
    means = window_means(columns)
    for at, radius in enumerate(RADII):
        for i in (0, 1, lines // 2, lines - 2, lines - 1):
            if 0 <= i < lines:
                window = columns[max(i - radius, 0) : i + radius + 1]
                assert np.allclose(means[at, i], window.mean(axis=0))


def test_prose_length_deviation_sets_a_long_odd_line_apart_from_the_paragraphs() -> None:
    from newsclean.article_model import STAGE1_FEATURES, line_features

    notice = (
        "All material on this site is protected by copyright law and may not be reproduced, "
        "distributed, transmitted, cached or otherwise used, except with the prior written "
        "permission of the publisher. Quotations are allowed with a link to the source. The "
        "editors are not responsible for the content of advertisements or of readers' comments, "
        "which express their authors' views only, and reserve the right to remove any of them."
    )
    page = [*PAGE[:8], notice, *PAGE[8:]]
    column = STAGE1_FEATURES.index("prose_length_deviation")
    deviation = line_features(page, "en", 4)[:, column]
    paragraphs, notice_at = deviation[4:8], 8
    assert deviation[:4].tolist() == [0.0] * 4 and deviation[9:].tolist() == [0.0] * 2  # short lines
    # the notice ends a sentence too, so it counts in the mean it is measured against
    assert deviation[notice_at] > 1.0 > 0.5 > paragraphs.max()
    # A page without a long line that ends a sentence has no prose to measure against.
    menu = ["Home", "World news and analysis from our correspondents in every region", "Contact"]
    assert line_features(menu, "en", None)[:, column].tolist() == [0.0, 0.0, 0.0]
