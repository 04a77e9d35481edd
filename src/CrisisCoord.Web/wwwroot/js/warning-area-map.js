// Drawing a warning's area: in circle mode a click places the centre (the radius is typed, 5 km to start);
// in polygon mode each click adds a corner and "Close polygon" repeats the first as CAP requires. The map only
// fills the form's fields, which the server checks; typing in them redraws the shape. No HTML strings.
(function () {
    const element = document.getElementById("warning-area-map");
    const source = document.getElementById("warning-area-map-data");
    if (!element || !source || !window.L) {
        return;
    }

    const data = JSON.parse(source.textContent);
    const field = (name) => document.querySelector("[data-area='" + name + "']");
    const latitude = field("latitude"), longitude = field("longitude"), radius = field("radius"), polygon = field("polygon");
    const note = document.getElementById("map-tiles-note");
    const map = L.map(element, { worldCopyJump: true }).setView([data.lat, data.lon], 11);
    const round = (value) => Math.round(value * 100000) / 100000;
    let mode = polygon.value.trim() ? "polygon" : "circle";
    let corners = [];
    let shape = null;

    window.CrisisCoord.addTiles(map, data, note);

    L.circleMarker([data.lat, data.lon], { radius: 6, color: "#1b1f24", fillOpacity: 1, className: "incident-marker" }).addTo(map);

    function parsePolygon(text) {
        return text.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split(",").map(Number))
            .filter((p) => p.length === 2 && p.every(Number.isFinite));
    }

    function draw() {
        if (shape) {
            shape.remove();
            shape = null;
        }

        if (mode === "circle") {
            const lat = Number(latitude.value), lon = Number(longitude.value), km = Number(radius.value);
            if (latitude.value && longitude.value && Number.isFinite(lat) && Number.isFinite(lon)) {
                shape = L.circle([lat, lon], { radius: (Number.isFinite(km) && km > 0 ? km : 0) * 1000, className: "warning-area" }).addTo(map);
            }
        } else {
            const points = corners.length > 0 ? corners : parsePolygon(polygon.value);
            if (points.length > 0) {
                shape = L.polygon(points, { className: "warning-area" }).addTo(map);
            }
        }
    }

    function setMode(next) {
        mode = next;
        for (const button of document.querySelectorAll("[data-area-mode]")) {
            button.setAttribute("aria-pressed", String(button.dataset.areaMode === mode));
        }

        // One shape per area: choosing the other kind clears the fields of this one.
        if (mode === "circle") {
            polygon.value = "";
            corners = [];
        } else {
            latitude.value = "";
            longitude.value = "";
            radius.value = "";
        }

        draw();
    }

    map.on("click", (event) => {
        const at = [round(event.latlng.lat), round(event.latlng.lng)];
        if (mode === "circle") {
            latitude.value = at[0];
            longitude.value = at[1];
            if (!radius.value) {
                radius.value = 5;
            }
        } else {
            corners.push(at);
            polygon.value = corners.map((p) => p[0] + "," + p[1]).join(" ");
        }

        draw();
    });

    for (const button of document.querySelectorAll("[data-area-mode]")) {
        button.addEventListener("click", () => setMode(button.dataset.areaMode));
    }

    document.querySelector("[data-area-action='close']").addEventListener("click", () => {
        const points = corners.length > 0 ? corners : parsePolygon(polygon.value);
        if (points.length >= 3) {
            points.push(points[0]);
            polygon.value = points.map((p) => p[0] + "," + p[1]).join(" ");
            corners = [];
            draw();
        }
    });

    document.querySelector("[data-area-action='clear']").addEventListener("click", () => {
        for (const input of [latitude, longitude, radius, polygon]) {
            input.value = "";
        }

        corners = [];
        draw();
    });

    for (const input of [latitude, longitude, radius, polygon]) {
        input.addEventListener("change", () => { corners = []; draw(); });
    }

    for (const button of document.querySelectorAll("[data-area-mode]")) {
        button.setAttribute("aria-pressed", String(button.dataset.areaMode === mode));
    }

    draw();
})();
