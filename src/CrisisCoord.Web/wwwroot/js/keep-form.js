// Switching language reloads the page: what the reader typed into its forms comes back with it (issue 16), so a
// coordinator half-way through a task or a warning loses nothing. Kept for this tab only, for this address only, and
// taken out as soon as it is put back; passwords, files and the antiforgery token are never kept.
(function () {
    const key = "crisiscoord-kept-form:" + location.pathname + location.search;
    const skipped = new Set(["hidden", "password", "file", "submit", "button", "reset", "image"]);
    const fields = () => [...document.querySelectorAll("#main form[method=post] [name]")]
        .filter(f => (f instanceof HTMLInputElement || f instanceof HTMLSelectElement || f instanceof HTMLTextAreaElement) && !skipped.has(f.type));

    const switcher = document.querySelector("form.language-switch");
    if (switcher) {
        switcher.addEventListener("submit", () => {
            const kept = fields().map(f => ({ name: f.name, value: f.value, checked: f.checked }));
            try {
                sessionStorage.setItem(key, JSON.stringify(kept));
            } catch {
                // Storage full or refused (private mode): the switch still happens, without the typed values.
            }
        });
    }

    let kept = null;
    try {
        kept = JSON.parse(sessionStorage.getItem(key) || "null");
        sessionStorage.removeItem(key);
    } catch {
        kept = null;
    }

    if (!Array.isArray(kept)) {
        return;
    }

    // Fields of one name (rows of a table) come back in the order they were kept.
    const byName = new Map();
    for (const k of kept) {
        if (k && typeof k.name === "string") {
            (byName.get(k.name) || byName.set(k.name, []).get(k.name)).push(k);
        }
    }

    for (const f of fields()) {
        const queue = byName.get(f.name);
        const k = queue && queue.shift();
        if (!k) {
            continue;
        }

        if (f.type === "checkbox" || f.type === "radio") {
            f.checked = Boolean(k.checked);
        } else {
            f.value = String(k.value ?? "");
        }
    }
})();
