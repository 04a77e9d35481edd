// The public warnings map: each warning's areas (circles and polygons), coloured by severity. Drawn as vectors,
// so they show even when the tile server cannot be reached. Text goes in as DOM text nodes, never HTML.
(function () {
    const element = document.getElementById("public-warnings-map");
    const source = document.getElementById("public-warnings-data");
    if (!element || !source || !window.L) {
        return;
    }

    const data = JSON.parse(source.textContent);
    const note = document.getElementById("map-tiles-note");
    const colours = { I: "#c62828", II: "#e66a00", III: "#f5c400", IV: "#1565c0" };
    const map = L.map(element, { scrollWheelZoom: false, worldCopyJump: true });

    window.CrisisCoord.addTiles(map, data, note);

    const shapes = L.layerGroup().addTo(map);

    // Draws the warnings in the page's data block; a live update replaces that block and draws again,
    // leaving the reader's pan and zoom alone.
    function draw(fit) {
        const warnings = JSON.parse(document.getElementById("public-warnings-data").textContent).warnings;
        shapes.clearLayers();
        const bounds = L.latLngBounds([]);
        for (const warning of warnings) {
            const style = { color: colours[warning.severity] || "#5b6470", weight: 2, fillOpacity: 0.25, className: "warning-area" };
            for (const area of warning.areas) {
                const shape = area.circle
                    ? L.circle([area.circle.lat, area.circle.lon], Object.assign({ radius: area.circle.radiusKm * 1000 }, style))
                    : L.polygon(area.polygon, style);
                const popup = document.createElement("div");
                const link = document.createElement("a");
                link.href = "#warning-" + warning.id;
                link.textContent = warning.headline;
                const facts = document.createElement("div");
                facts.textContent = warning.severityText + " · " + area.description;
                popup.append(link, facts);
                shape.bindPopup(popup);
                shape.addTo(shapes);
                // Computed from the data: a circle's own bounds need a map view, which is set only after this loop.
                bounds.extend(area.circle
                    ? L.latLng(area.circle.lat, area.circle.lon).toBounds(area.circle.radiusKm * 2000)
                    : L.latLngBounds(area.polygon));
            }
        }

        if (!fit) {
            return;
        }

        if (bounds.isValid()) {
            map.fitBounds(bounds, { padding: [20, 20], maxZoom: 12 });
        } else {
            map.setView([20, 0], 2);
        }
    }

    draw(true);
    // A map that showed nothing yet is framed on what arrives; otherwise the reader's view is kept.
    document.addEventListener("crisiscoord:live-updated", () => draw(shapes.getLayers().length === 0));
})();
