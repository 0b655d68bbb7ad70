"""Data: the whole table, searchable, to download and cite."""

import json

import streamlit as st

from dashboard import components
from dashboard.missions import citation, records_as_json

data = components.dataset()
missions = components.filtered_missions(data)

st.title("Data and citation")
query = st.text_input("Search", placeholder="Name, acronym, country code, summary…", key="data-search")
shown = missions
if query:
    text = missions[["name", "short_name", "countries", "summary"]].fillna("").agg(" ".join, axis=1)
    shown = missions[text.str.contains(query, case=False, regex=False)]

columns = [
    "short_name",
    "name",
    "organisation",
    "mission_type_label",
    "start",
    "end",
    "status",
    "region_label",
    "countries",
    "peak_personnel",
    "peak_personnel_date",
    "contributing_nations",
    "outcome_label",
]
st.dataframe(
    shown[columns].assign(end=shown["end"].fillna("ongoing")),
    hide_index=True,
    column_config={
        "short_name": "Operation",
        "name": "Full name",
        "organisation": "Organisation",
        "mission_type_label": "Type",
        "start": "Start",
        "end": "End",
        "status": "Status",
        "region_label": "Region",
        "countries": "Countries (ISO-3)",
        "peak_personnel": st.column_config.NumberColumn("Peak personnel", help="Empty: not published"),
        "peak_personnel_date": "Peak date",
        "contributing_nations": "Nations",
        "outcome_label": "Outcome",
    },
)
st.caption(
    f"{len(shown)} of {len(data.missions)} operations. An empty cell means the figure was not published. "
    "Open a profile for every figure's source."
)

export = shown.drop(columns=["start_day", "end_day", "bar_end"])
csv_column, json_column = st.columns(2)
csv_column.download_button(
    "Download CSV",
    export.to_csv(index=False).encode("utf-8"),
    file_name="nato-operations.csv",
    mime="text/csv",
    width="stretch",
)
json_column.download_button(
    "Download JSON (full records with sources)",
    json.dumps(records_as_json(data.records, shown.index.tolist()), indent=2, ensure_ascii=False).encode("utf-8"),
    file_name="nato-operations.json",
    mime="application/json",
    width="stretch",
)

st.subheader("How to cite")
st.code(citation(data.today, data.last_checked), language="text", wrap_lines=True)
st.markdown(
    "Cite the original source of any single figure too: each record lists its sources with the date "
    "they were read. The codebook (data/README.md) explains every field."
)
