"""ai-ci's pytest plugin: energy and carbon (grams CO2e) per test; see plugin.py."""
