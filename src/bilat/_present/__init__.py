"""What a person sees: reports, HTML, frames, charts and their words.

The presentation layer. It reads the domain model and never changes it:
``report`` builds one model of a report (what to show, already localized)
that ``report_html`` and the text and Markdown renderers draw; ``html``
holds the notebook tables, ``frames`` the dataframes, ``plots`` and
``plots_projects`` the charts, ``numbers`` the one format of ratios as
percentages, and ``labels`` every word in every language.
Modules below this package import it only lazily, inside the function that
needs it.
"""
