// Enhancements applied to the page, and again to each part a live update replaces (live.js calls enhance).
window.CrisisCoord = window.CrisisCoord || {};

(function () {
    // The browser's own variant of the page's language (en-GB for an English page read in Britain), else the page's.
    const pageLanguage = document.documentElement.lang || "en";
    const locale = (navigator.languages || []).find(l => l.toLowerCase().startsWith(pageLanguage.toLowerCase())) || pageLanguage;
    const format = new Intl.DateTimeFormat(locale, {
        year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
    });

    // Show times in the reader's own time zone; the server renders UTC so the page is correct without script.
    window.CrisisCoord.enhance = function (root) {
        for (const el of root.querySelectorAll("time[data-local]")) {
            const at = new Date(el.getAttribute("datetime"));
            if (!isNaN(at)) {
                el.title = el.textContent;
                el.textContent = format.format(at);
            }
        }
    };

    window.CrisisCoord.enhance(document);

    // The texts scripts show, in the page's language (Pages/Shared/_ScriptTexts.cshtml). text(key, ...values) fills
    // {0}, {1}… with the values, numbers written the page's way; an unknown key shows the key, never nothing.
    // The result is only ever put into the page as text (textContent), never as HTML.
    const numbers = new Intl.NumberFormat(locale);
    const island = document.getElementById("script-texts");
    const texts = island ? JSON.parse(island.textContent) : {};
    window.CrisisCoord.number = (value) => numbers.format(value);
    window.CrisisCoord.text = function (key, ...values) {
        const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
        return text.replace(/\{(\d+)\}/g, (whole, index) => {
            const value = values[Number(index)];
            return value === undefined ? whole : typeof value === "number" ? numbers.format(value) : String(value);
        });
    };

    // The reader's time zone, kept in a cookie so the server reads typed times on the reader's clock (ADR 0036).
    // Once set (or written at sign-in from the zone the person saved) it is left alone: it is their choice.
    const zoneCookie = "crisiscoord-zone";
    const told = document.cookie.split("; ").find(c => c.startsWith(zoneCookie + "="));
    let zone = told ? decodeURIComponent(told.substring(zoneCookie.length + 1)) : "";
    if (!zone) {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
        if (zone) {
            document.cookie = zoneCookie + "=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax"
                + (location.protocol === "https:" ? "; secure" : "");
            for (const el of document.querySelectorAll("[data-reader-zone]")) {
                el.textContent = zone;
            }
        }
    }
    for (const input of document.querySelectorAll("input[data-reader-zone-input]")) {
        input.value = zone;
    }

    // Every map's background: the configured tile server, or a note that markers stand on a plain background.
    // Leaflet writes the attribution as HTML, so it is handed the configured text already escaped.
    window.CrisisCoord.addTiles = function (map, data, note, absentText) {
        if (!data.tileUrl) {
            if (absentText) {
                note.textContent = absentText;
                note.hidden = false;
            }

            return;
        }

        let loaded = false;
        const attribution = document.createElement("span");
        attribution.textContent = data.attribution;
        const tiles = L.tileLayer(data.tileUrl, { attribution: attribution.innerHTML, maxZoom: 18 });
        tiles.on("tileload", () => { loaded = true; note.hidden = true; });
        tiles.on("tileerror", () => { if (!loaded) { note.hidden = false; } });
        tiles.addTo(map);
    };
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
// Delegated, so a part replaced by a live update keeps the behaviour.
document.addEventListener("change", (event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute("data-submit-on-change")) {
        select.form.submit();
    }
});
