"""The floor every speed figure is compared with: a bare Streamlit page showing one small plotly chart.

It does what a Streamlit page does at its simplest (read a widget, build a figure with plotly
express, draw it) and nothing else: no data loading, no cache. `make bench` serves it with the same
settings as the dashboard and measures it the same way.

plotly express is not safe to call from several sessions at once: under a class of 30, 22 of 109
reruns of this page failed inside px.bar (ValueError while reading the shared template). The lock
keeps the floor correct; the dashboard does not use plotly express.
"""

import threading

import plotly.express as px
import streamlit as st


@st.cache_resource
def px_lock() -> threading.Lock:
    """One lock for the whole server (the script itself is run anew on every rerun)."""
    return threading.Lock()


SERIES = {
    "a": [3, 1, 2, 5, 4],
    "b": [1, 4, 2, 3, 5],
    "c": [5, 3, 4, 1, 2],
}

st.title("Floor")
choice = st.sidebar.selectbox("Series", list(SERIES), key="series")
with px_lock():
    figure = px.bar(x=["v", "w", "x", "y", "z"], y=SERIES[choice], title=f"Series {choice}", template="plotly_white")
st.plotly_chart(figure, key="floor", theme=None)
