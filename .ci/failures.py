"""Prints each failed test of the given .trx files with the start of its message, stack trace and output.

CI shows only the end of what a run printed, so this goes just before the summary line: a failure on the CI machine must
be readable from there, without the results file.
"""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def head(text, lines):
    kept = (text or "").strip().splitlines()
    return kept[:lines] + ([f"... ({len(kept) - lines} more lines)"] if len(kept) > lines else [])


def tail(text, lines):
    kept = (text or "").strip().splitlines()
    return ([f"... ({len(kept) - lines} lines before)"] if len(kept) > lines else []) + kept[-lines:]


for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
        if result.get("outcome") != "Failed":
            continue
        print(f"FAILED {result.get('testName')} after {result.get('duration')}, from {result.get('startTime')}")
        output = result.find(NS + "Output")
        report = [
            ("message", head(output.findtext(f"{NS}ErrorInfo/{NS}Message") if output is not None else "", 10)),
            ("stack", head(output.findtext(f"{NS}ErrorInfo/{NS}StackTrace") if output is not None else "", 8)),
            ("output", tail(output.findtext(NS + "StdOut") if output is not None else "", 10)),
        ]
        for label, lines in report:
            for line in lines:
                print(f"  {label}| {line[:240]}")
