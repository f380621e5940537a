// Small enhancements over pages that work without JavaScript: fill the example in place, and follow active jobs.
"use strict";

document.addEventListener("click", (event) => {
    const fill = event.target.closest("[data-fill-example]");
    if (!fill) {
        return;
    }

    const form = fill.closest("form");
    event.preventDefault();
    for (const input of form.querySelectorAll("[data-example]")) {
        input.value = input.dataset.example;
    }
});

const terminal = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);
const pollMilliseconds = 2000;

async function follow(row) {
    const response = await fetch(`/api/jobs/${row.dataset.jobId}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) {
        return false;
    }

    const job = await response.json();
    row.querySelector("[data-job-status]").textContent = job.status;
    const bar = row.querySelector("progress");
    bar.value = job.progress ?? 0;
    bar.textContent = `${Math.round((job.progress ?? 0) * 100)}%`;
    const rows = row.querySelector("[data-job-rows]");
    rows.textContent = job.rowsTotal == null
        ? `${job.rowsDone.toLocaleString("en")} rows`
        : `${job.rowsDone.toLocaleString("en")} of ${job.rowsTotal.toLocaleString("en")} rows`;
    return terminal.has(job.status);
}

async function followActiveJobs() {
    const rows = [...document.querySelectorAll("tr[data-job-active]")];
    if (rows.length === 0) {
        return;
    }

    // A finished job gets its download link or failure reason from the server's own rendering.
    const finished = await Promise.all(rows.map((row) => follow(row).catch(() => false)));
    if (finished.some(Boolean)) {
        window.location.replace(window.location.href);
        return;
    }

    setTimeout(followActiveJobs, pollMilliseconds);
}

setTimeout(followActiveJobs, pollMilliseconds);
