"""NATO Peace Operations Explorer: the dashboard package, in layers that only import downwards.

i18n (the catalogue) < dataset (records to tables) < charts (tables to figures, panels, saved views)
< learn (lessons, claims, quiz) < outputs (images, slides, cards, handouts) < ui (the Streamlit code)
< views (one script per page) and the entry points app.py, run.py and serve.py. navigation.py, the
page table, is plain data any layer from ui up may read. tests/unit/test_architecture.py enforces
this, and that Streamlit is imported only by ui/, views/ and the entry points; docs/architecture.md
explains it.
"""
