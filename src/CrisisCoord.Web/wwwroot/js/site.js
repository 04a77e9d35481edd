// Show times in the reader's own time zone; the server renders UTC so the page is correct without script.
(function () {
    const format = new Intl.DateTimeFormat(undefined, {
        year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
    });
    for (const el of document.querySelectorAll("time[data-local]")) {
        const at = new Date(el.getAttribute("datetime"));
        if (!isNaN(at)) {
            el.title = el.textContent;
            el.textContent = format.format(at);
        }
    }
})();

// After a refused form, put keyboard and screen-reader users on the list of what to correct.
(function () {
    const summary = document.querySelector(".validation-summary-errors");
    if (summary) {
        summary.setAttribute("tabindex", "-1");
        summary.focus();
    }
})();

// Filters that apply as soon as a choice is made (no inline handlers: the Content-Security-Policy forbids them).
(function () {
    for (const select of document.querySelectorAll("select[data-submit-on-change]")) {
        select.addEventListener("change", () => select.form.submit());
    }
})();
