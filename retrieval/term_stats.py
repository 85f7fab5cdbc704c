"""`TermStats`: how rare each analysed term is in the whole index (BM25 document
frequencies), so the answer layer can weigh a question's words by the corpus, not only
by the handful of retrieved spans.

Why: weighed by the retrieved spans alone, a word every retrieved provision holds
("besplatna pravna pomoć" for a question about free legal aid) counts for nothing, and
a question whose words all match scored as weak evidence. Holds a lookup, not the index.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True, eq=False)
class TermStats:
    n_docs: int
    doc_freq: Callable[[str], int]  # analysed term -> number of chunks holding it

    def idf(self, term: str) -> float:
        """BM25 (Lucene) IDF; a term no chunk holds gets the highest value."""
        df = self.doc_freq(term)
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))
