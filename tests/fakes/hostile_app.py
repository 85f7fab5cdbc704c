"""The real app.py, answering with tests/hostile_fixtures.hostile_answer: the Streamlit
script tests/ui/test_browser_safety.py serves (`streamlit run tests/fakes/hostile_app.py`
from the checkout's root, through evaluation.app_server.serve's `script`).

It puts the stand-in where AppTest tests put theirs, st.session_state["answerer"]
(ui.state.answerer), and runs app.py unchanged on every rerun.
"""
from __future__ import annotations

import runpy
from pathlib import Path

import streamlit as st

from tests.hostile_fixtures import hostile_answer

st.session_state["answerer"] = hostile_answer
runpy.run_path(str(Path(__file__).resolve().parents[2] / "app.py"), run_name="__main__")
