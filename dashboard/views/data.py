"""Data: the whole table, searchable, to download and cite."""

from functools import partial

import streamlit as st

from dashboard.dataset.filters import STATUS_LABELS
from dashboard.dataset.loading import missions_csv
from dashboard.dataset.vocabularies import organisation_short
from dashboard.i18n import _
from dashboard.outputs import package
from dashboard.ui import cache, downloads, sidebar

data = cache.dataset()
missions = sidebar.filtered_missions(data)

st.title(_("Data and citation"))
query = st.text_input(_("Search"), placeholder=_("Name, acronym, country code, summary…"), key="data-search")
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
on_screen = data.relabel(shown[[*columns, "mission_type", "region", "outcome"]])[columns]
st.dataframe(
    on_screen.assign(
        end=shown["end"].fillna(_("ongoing")),
        status=shown["status"].map(lambda s: _(STATUS_LABELS.get(str(s), str(s)))),
        organisation=shown["organisation"].map(lambda org: organisation_short(str(org))),
    ),
    hide_index=True,
    column_config={
        "short_name": _("Operation"),
        "name": _("Full name"),
        "organisation": _("Organisation"),
        "mission_type_label": _("Type"),
        "start": _("Start"),
        "end": _("End"),
        "status": _("Status"),
        "region_label": _("Region"),
        "countries": _("Countries (ISO-3)"),
        "peak_personnel": st.column_config.NumberColumn(_("Peak personnel"), help=_("Empty: not published")),
        "peak_personnel_date": _("Peak date"),
        "contributing_nations": _("Nations"),
        "outcome_label": _("Outcome"),
    },
)
st.caption(
    _(
        "{shown} of {total} operations. An empty cell means the figure was not published. "
        "Open a profile for every figure's source."
    ).format(shown=len(shown), total=len(data.missions))
)

csv_column, json_column, package_column = st.columns(3)
# both files are written when their button is pressed, not on every rerun of the page
csv_column.download_button(
    _("Download CSV"),
    partial(missions_csv, shown),
    file_name="nato-operations.csv",
    mime="text/csv",
    width="stretch",
    on_click="ignore",
)
json_column.download_button(
    _("Download JSON (data package)"),
    partial(package.package_json, data, shown.index.tolist()),
    file_name=f"nato-peace-operations-{package.version_of(data)}.json",
    mime="application/json",
    width="stretch",
    on_click="ignore",
    help=_("The data package as one JSON file: the same tables and Table Schema as the zip, each table's rows "
           "inline, kept to the operations shown"),
)
package_column.download_button(
    _("Data package (zip)"),
    downloads.package_builder(data),
    file_name=f"nato-peace-operations-{package.version_of(data)}.zip",
    mime="application/zip",
    width="stretch",
    on_click="ignore",
    help=_("Every table (operations, sizes, events, legal bases, places, headquarters, links, human cost, "
           "disagreements, sources, vocabularies, publishers) as CSV, with a Frictionless Table Schema, the data "
           "version and how to cite it"),
)

ROWS = {
    "operations": _("operation or mission"), "sizes": _("published size (strength, aircraft, ships, activity)"),
    "events": _("dated event"), "legal_bases": _("UN resolution an operation rests on"),
    "places": _("country or sea area"), "headquarters": _("headquarters or main base"),
    "links": _("link between two operations"), "human_cost": _("published death count"),
    "disagreements": _("value another source gives"), "sources": _("source a record cites"),
    "vocabularies": _("controlled value"), "publishers": _("cited domain, its publisher and kind"),
}  # fmt: skip
table_column, table_csv, table_parquet = st.columns([2, 1, 1], vertical_alignment="bottom")
table_name = table_column.selectbox(
    _("One table of the package"), list(ROWS), key="data-table",
    format_func=lambda name: _("{table}: one row per {row}").format(table=name, row=ROWS[name]),
    help=_("Kept to the operations shown; vocabularies and publishers whole"),
)  # fmt: skip
for column, fmt, label in ((table_csv, "csv", _("This table as CSV")), (table_parquet, "parquet", _("As Parquet"))):
    column.download_button(
        label, partial(package.one_table, data, table_name, shown.index.tolist(), fmt),
        file_name=f"nato-peace-operations-{package.version_of(data)}-{table_name}.{fmt}",
        mime="text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
        width="stretch", on_click="ignore", key=f"data-table-{fmt}",
    )  # fmt: skip

st.subheader(_("How to cite"))
st.code(package.cite(data), language="text", wrap_lines=True)
st.markdown(
    _(
        "Cite the original source of any single figure too: each record lists its sources with the date "
        "they were read. The codebook (data/README.md) explains every field."
    )
)
