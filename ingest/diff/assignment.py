"""The best one-to-one assignment of rows to columns: the Hungarian algorithm.

Short enough to keep here for the small groups of pairs that plans of a few hundred events
make: O(n²·m) for n ≤ m, in Python. A group larger than LARGE rows or columns (plans of tens
of thousands of events, whose look-alike titles join into groups of thousands) is handed to
scipy when it is installed (the ``fast`` extra): its sparse matching for a group's own pairs
(sparse_max_score_assignment), linear_sum_assignment for a full matrix; without scipy the
Python code runs, slowly.
"""

from __future__ import annotations

from collections.abc import Sequence

INFINITY = float("inf")
# Groups with more rows or columns than this go to scipy when it is installed.
LARGE = 200


def min_cost_assignment(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The (row, column) pairs of least total cost, each row and column used at most once.

    Every row is assigned when there are no more rows than columns, and every
    column otherwise. The matrix must be rectangular; an empty one gives [].
    """
    if not cost or not cost[0]:
        return []
    if len(cost) > len(cost[0]):
        transposed = [list(column) for column in zip(*cost)]
        return sorted((row, column) for column, row in _assign_rows(transposed))
    return _assign_rows(cost)


def max_score_assignment(score: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The (row, column) pairs of greatest total score, each row and column used at most once.
    ``score``: lists of rows."""
    if not score or not score[0]:
        return []
    if max(len(score), len(score[0])) > LARGE:
        try:
            from scipy.optimize import linear_sum_assignment
        except ImportError:
            pass
        else:
            rows, columns = linear_sum_assignment(score, maximize=True)
            return sorted(zip(rows.tolist(), columns.tolist()))
    return min_cost_assignment([[-value for value in row] for row in score])


def sparse_max_score_assignment(rows: Sequence[int], columns: Sequence[int], scores: Sequence[float],
                                shape: tuple[int, int]) -> list[tuple[int, int]]:
    """max_score_assignment of the matrix of ``shape`` with ``scores[k]`` at (rows[k], columns[k]) and
    0 elsewhere; only the given cells are ever assigned.

    A large matrix goes to scipy's sparse matching (LAPJVsp), which needs every row matched: each
    row gets a column of its own worth 1, and every given cell 1 more than its score, so that the
    matching of greatest weight is the assignment of greatest score, the rows left over taking
    their own columns. (A dense matrix of a group of thousands of rows takes seconds to fill and
    to assign.)"""
    if max(shape) > LARGE:
        try:
            from scipy.sparse import csr_matrix
            from scipy.sparse.csgraph import min_weight_full_bipartite_matching
        except ImportError:
            pass
        else:
            count, width = shape
            weights = csr_matrix((list(map(1.0.__add__, scores)) + [1.0] * count,
                                  (list(rows) + list(range(count)), list(columns) + list(range(width, width + count)))),
                                 shape=(count, width + count))
            matched_rows, matched_columns = min_weight_full_bipartite_matching(weights, maximize=True)
            return sorted((row, column) for row, column in zip(matched_rows.tolist(), matched_columns.tolist())
                          if column < width)
    matrix = [[0.0] * shape[1] for _ in range(shape[0])]
    for row, column, score in zip(rows, columns, scores):
        matrix[row][column] = score
    given = set(zip(rows, columns))
    return [cell for cell in max_score_assignment(matrix) if cell in given]


def _assign_rows(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Shortest augmenting paths with potentials (n rows ≤ m columns), 1-based inside."""
    n, m = len(cost), len(cost[0])
    row_potential = [0.0] * (n + 1)
    column_potential = [0.0] * (m + 1)
    row_of_column = [0] * (m + 1)  # 0: column free
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        row_of_column[0] = row
        column = 0
        least = [INFINITY] * (m + 1)
        used = [False] * (m + 1)
        while True:  # grow the alternating tree until it reaches a free column
            used[column] = True
            current_row = row_of_column[column]
            delta, next_column = INFINITY, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = cost[current_row - 1][j - 1] - row_potential[current_row] - column_potential[j]
                if reduced < least[j]:
                    least[j], way[j] = reduced, column
                if least[j] < delta:
                    delta, next_column = least[j], j
            for j in range(m + 1):
                if used[j]:
                    row_potential[row_of_column[j]] += delta
                    column_potential[j] -= delta
                else:
                    least[j] -= delta
            column = next_column
            if row_of_column[column] == 0:
                break
        while column:  # flip the path
            previous = way[column]
            row_of_column[column] = row_of_column[previous]
            column = previous
    return sorted((row_of_column[j] - 1, j - 1) for j in range(1, m + 1) if row_of_column[j])
