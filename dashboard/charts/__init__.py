"""Pure chart builders and panels: tables in, plotly figures out, no Streamlit, no files read.

frame (the theme, palette and the frame every chart shares) < timeline, maps, strength, compare,
answers (one family each) < panels (a chart with its question, table and source line) < briefing
(a saved view, page/chart?parameters, rebuilt as its panel; packs and lessons are lists of them).
May import dashboard.i18n and dashboard.dataset, plotly, pandas and pycountry; never Streamlit,
dashboard.learn, dashboard.outputs or dashboard.ui.
"""
