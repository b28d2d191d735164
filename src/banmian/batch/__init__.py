"""Batch runs: parse many files in parallel (processes here, or a Dask cluster), as shards of
Parquet with completion markers, then load the finished shards into an archive.

- `shards.py`: the plan (files into shards) and `run_shard`, the pure function a worker runs;
- `engines.py`: `run(shards, out_dir, engine="local"|"dask", ...)`;
- `load.py`: `load(store, out_dir)`, shards into a SQLite or PostgreSQL archive.
"""
