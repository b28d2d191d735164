"""`banmian serve`: a web reader and JSON API over an archive.

`create_app(db_path, write_token=None)` (in `app.py`) builds the FastAPI app; `serve.run(args)`
starts it with uvicorn. Modules: `api.py` (the JSON API under /api), `upload.py` (the one
write, `POST /api/ingest`), `reader.py` (the HTML pages), `render.py` (template helpers),
`source.py` (the original dump lines or PDF image of a page), `errors.py` (the one error
shape), `deps.py` (per-request store, filters, query check).
"""
