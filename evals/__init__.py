"""Measurement: eval sets, the runner (`python -m evals run|compare|ragas`), reports and the benchmark."""
