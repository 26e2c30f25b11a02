"""The article model's parts: window means, the max-sum core, both kinds of stage, and the
shipped model's file."""

from __future__ import annotations

import numpy as np
import pytest

from newsclean.article_model import (
    _RADII,
    CACHED_PAGE_LINES,
    ArticleModel,
    LogisticStage,
    TreeStage,
    keep_mask,
    max_segment,
    shipped_model,
    stage_from_dict,
    window_means,
)

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


def test_window_indices_of_long_pages_are_not_kept() -> None:
    # A long run must not fill the cache with its biggest pages' indices.
    from newsclean.article_model import CACHED_PAGE_LINES, _cached_page_index, _page_index

    before = _cached_page_index.cache_info().currsize
    long_page = _page_index(CACHED_PAGE_LINES + 1)
    assert _cached_page_index.cache_info().currsize == before
    assert long_page[1][0, -1, 0] == 2  # radius 1: the last line and the one before it
    _page_index(7)
    assert _page_index(7) is _page_index(7)


@pytest.mark.parametrize("lines", [1, 2, 3, 6, 11, 40, CACHED_PAGE_LINES + 3])
def test_window_means_are_the_means_of_each_window(lines: int) -> None:
    """Every radius, at the page's edges too (where a window holds fewer lines)."""
    columns = np.random.default_rng(lines).random((lines, 3))
    means = window_means(columns)
    for at, radius in enumerate(_RADII):
        for i in (0, 1, lines // 2, lines - 2, lines - 1):
            if 0 <= i < lines:
                window = columns[max(i - radius, 0) : i + radius + 1]
                assert np.allclose(means[at, i], window.mean(axis=0))
