"""The data layer: YAML records -> validated records -> the pandas tables every view draws.

files (reading YAML, Problem) < vocabularies < schema (the record contract) < validation (named rules)
< geo (places, seas, former states) < loading (the Dataset) < filters, comparisons, profile.
May import the standard library, pandas, pydantic, PyYAML, pycountry and dashboard.i18n; never Streamlit,
plotly or any other layer of dashboard/, so the command line (make validate) and tests use it as it is.
"""
