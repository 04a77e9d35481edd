// The dashboard map: one marker per open incident, coloured by severity. Markers are drawn as vectors,
// so they show even when the tile server (Map:TileUrl) cannot be reached; a note then says so.
(function () {
    const element = document.getElementById("incident-map");
    const source = document.getElementById("incident-map-data");
    if (!element || !source || !window.L) {
        return;
    }

    const data = JSON.parse(source.textContent);
    const note = document.getElementById("map-tiles-note");
    const colours = { I: "#c62828", II: "#e66a00", III: "#f5c400", IV: "#1565c0" };
    const map = L.map(element, { scrollWheelZoom: false, worldCopyJump: true });

    window.CrisisCoord.addTiles(map, data, note, "No map background is configured (Map:TileUrl); incident markers are shown at their coordinates.");

    const markers = L.layerGroup().addTo(map);

    // Draws the incidents in the page's data block; a live update replaces that block and draws again,
    // leaving the reader's pan and zoom alone.
    function draw(fit) {
        const incidents = JSON.parse(document.getElementById("incident-map-data").textContent).incidents;
        markers.clearLayers();
        const points = [];
        for (const incident of incidents) {
            const at = [incident.lat, incident.lon];
            points.push(at);
            const marker = L.circleMarker(at, {
                radius: incident.severity === "I" ? 13 : 10,
                color: incident.escalation ? "#000000" : "#1b1f24",
                weight: incident.escalation ? 4 : 2,
                fillColor: colours[incident.severity] || "#5b6470",
                fillOpacity: 0.9,
                className: "incident-marker severity-" + incident.severity,
            });

            // Built from text nodes, never HTML, so a title cannot inject markup.
            const popup = document.createElement("div");
            const link = document.createElement("a");
            link.href = "/Incidents/" + incident.id;
            link.textContent = incident.title;
            const facts = document.createElement("div");
            facts.textContent = incident.severityText + " · " + incident.state + " · " + incident.place
                + (incident.escalation ? " · escalation required" : "");
            popup.append(link, facts);
            marker.bindPopup(popup);
            // Leaflet reads a string tooltip as HTML: give it a text node instead.
            const tooltip = document.createElement("span");
            tooltip.textContent = incident.title;
            marker.bindTooltip(tooltip);
            marker.addTo(markers);
        }

        if (!fit) {
            return;
        }

        if (points.length > 0) {
            map.fitBounds(points, { padding: [40, 40], maxZoom: 11 });
        } else {
            map.setView([20, 0], 2);
        }
    }

    draw(true);
    // A map that showed nothing yet is framed on what arrives; otherwise the reader's view is kept.
    document.addEventListener("crisiscoord:live-updated", () => draw(markers.getLayers().length === 0));
})();
