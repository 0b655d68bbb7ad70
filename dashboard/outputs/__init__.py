"""Files made from panels: images (kaleido), slides (python-pptx), fact cards and handouts printed by Chromium.

builds (the queue and the worker processes) < printing (HTML templates in templates/ to PDF or PNG) and
images (PNG and SVG of a figure, offline maps) < slides, cards, handout, package < jobs (what a worker
builds). May import dashboard.i18n, dataset, charts and learn; never Streamlit or dashboard.ui: the benchmark
and the tests build every file without a server.
"""
