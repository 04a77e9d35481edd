// Correcting an incident's place and area: in place mode a tap moves the pin (and fills latitude and longitude); in
// area mode each tap adds a corner and "Close the area" repeats the first as the polygon needs. The fields stay the
// truth the server checks; typing in them redraws. No HTML strings.
(function () {
    const element = document.getElementById("incident-edit-map");
    const source = document.getElementById("incident-edit-map-data");
    if (!element || !source || !window.L) {
        return;
    }

    const data = JSON.parse(source.textContent);
    const field = (name) => document.querySelector("[data-edit='" + name + "']");
    const latitude = field("latitude"), longitude = field("longitude"), area = field("area");
    const map = L.map(element, { worldCopyJump: true }).setView([data.lat, data.lon], 12);
    const round = (value) => Math.round(value * 100000) / 100000;
    let mode = "place";
    let corners = [];
    let shape = null;

    window.CrisisCoord.addTiles(map, data, document.getElementById("map-tiles-note"));
    const pin = L.circleMarker([data.lat, data.lon], { radius: 9, color: "#1b1f24", weight: 3, fillColor: "#c62828", fillOpacity: 0.9, className: "report-pin" }).addTo(map);

    const parse = (text) => text.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split(",").map(Number))
        .filter((p) => p.length === 2 && p.every(Number.isFinite));

    function draw() {
        if (shape) {
            shape.remove();
            shape = null;
        }

        const points = corners.length > 0 ? corners : parse(area.value);
        if (points.length > 0) {
            shape = L.polygon(points, { className: "warning-area" }).addTo(map);
        }

        const lat = Number(latitude.value), lon = Number(longitude.value);
        if (Number.isFinite(lat) && Number.isFinite(lon) && latitude.value && longitude.value) {
            pin.setLatLng([lat, lon]);
        }
    }

    function setMode(next) {
        mode = next;
        for (const button of document.querySelectorAll("[data-edit-mode]")) {
            button.setAttribute("aria-pressed", String(button.dataset.editMode === mode));
        }
    }

    map.on("click", (event) => {
        const at = [round(event.latlng.lat), round(event.latlng.lng)];
        if (mode === "place") {
            latitude.value = at[0];
            longitude.value = at[1];
        } else {
            corners.push(at);
            area.value = corners.map((p) => p[0] + "," + p[1]).join(" ");
        }

        draw();
    });

    for (const button of document.querySelectorAll("[data-edit-mode]")) {
        button.addEventListener("click", () => setMode(button.dataset.editMode));
    }

    document.querySelector("[data-edit-action='close']").addEventListener("click", () => {
        const points = corners.length > 0 ? corners : parse(area.value);
        if (points.length >= 3) {
            points.push(points[0]);
            area.value = points.map((p) => p[0] + "," + p[1]).join(" ");
            corners = [];
            draw();
        }
    });

    document.querySelector("[data-edit-action='clear']").addEventListener("click", () => {
        area.value = "";
        corners = [];
        draw();
    });

    for (const input of [latitude, longitude, area]) {
        input.addEventListener("change", () => { corners = []; draw(); });
    }

    draw();
})();
