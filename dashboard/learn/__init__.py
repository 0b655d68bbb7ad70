"""The Learn page's content and logic: concepts, lessons and claims (content), guess-then-reveal questions (quiz).

May import dashboard.i18n, dashboard.dataset and dashboard.charts (a lesson step is a saved chart view and a
quiz answer is a chart); never Streamlit, dashboard.outputs or dashboard.ui.
"""
