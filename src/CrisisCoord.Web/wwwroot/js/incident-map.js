// The dashboard map. It asks the server for the open incidents in the view it shows, already gathered into
// clusters on a grid fitted to the zoom level (ADR 0028): again after every move or zoom (debounced, a newer view
// cancelling the request for an older one) and after a live update. A cluster is drawn with its count, a single
// incident as a marker coloured by grade. Everything from the data goes in as text nodes, never as HTML. Markers are
// vectors, so they show even when the tile server (Map:TileUrl) cannot be reached; a note then says so.
(function () {
    const element = document.getElementById("incident-map");
    if (!element || !window.L) {
        return;
    }

    // Replaced by a live update, so it is read again each time: the extent may have changed.
    const settings = () => JSON.parse(document.getElementById("incident-map-settings").textContent);
    const start = settings();
    const note = document.getElementById("map-tiles-note");
    const status = document.getElementById("map-status");
    const text = window.CrisisCoord.text;
    const colours = { I: "#c62828", II: "#e66a00", III: "#f5c400", IV: "#1565c0" };
    const map = L.map(element, { scrollWheelZoom: false, worldCopyJump: true, maxZoom: start.maxZoom });
    const layer = L.layerGroup().addTo(map);
    const delay = 250;
    let timer = null;
    let request = null;

    window.CrisisCoord.addTiles(map, start, note, text("Script.Tiles.Incidents"));
    map.on("moveend", () => schedule(delay));

    // Frames the open incidents, or the world when none is open; says whether there was anything to frame.
    function frame(extent) {
        if (!extent) {
            map.setView([20, 0], 2);
            return false;
        }

        map.fitBounds([[extent.south, extent.west], [extent.north, extent.east]], { padding: [40, 40], maxZoom: 11 });
        return true;
    }

    let framed = frame(start.extent);
    schedule(0);

    // A map that showed nothing yet is framed on what a live update brings; otherwise the reader's view is kept.
    document.addEventListener("crisiscoord:live-updated", () => {
        if (!framed) {
            framed = frame(settings().extent);
        }

        schedule(0);
    });

    function schedule(wait) {
        clearTimeout(timer);
        timer = setTimeout(load, wait);
    }

    // Longitudes as the server takes them, from -180 to 180; a view wider than the world is the whole world.
    function view() {
        const bounds = map.getBounds();
        let west = bounds.getWest();
        let east = bounds.getEast();
        if (east - west >= 360) {
            west = -180;
            east = 180;
        } else {
            west = wrap(west);
            east = wrap(east);
            if (east === -180) {
                east = 180;
            }
        }

        return {
            west: west.toFixed(6),
            south: Math.max(-90, bounds.getSouth()).toFixed(6),
            east: east.toFixed(6),
            north: Math.min(90, bounds.getNorth()).toFixed(6),
            zoom: String(Math.min(start.maxZoom, Math.max(0, Math.round(map.getZoom())))),
        };
    }

    function wrap(longitude) {
        return ((((longitude + 180) % 360) + 360) % 360) - 180;
    }

    async function load() {
        timer = null;
        request?.abort();
        const mine = new AbortController();
        request = mine;
        const url = new URL(settings().clusters, location.href);
        for (const [name, value] of Object.entries(view())) {
            url.searchParams.set(name, value);
        }

        try {
            const response = await fetch(url, { credentials: "same-origin", cache: "no-store", signal: mine.signal, headers: { Accept: "application/json" } });
            if (response.redirected || !(response.headers.get("Content-Type") || "").includes("json")) {
                say(text("Script.Map.SignedOut"));
                return;
            }

            if (!response.ok) {
                say(text("Script.Map.LoadFailed"));
                return;
            }

            draw(await response.json());
        } catch (error) {
            if (error.name !== "AbortError") {
                say(text("Script.Map.LoadFailed"));
            }
        } finally {
            if (request === mine) {
                request = null;
            }
        }
    }

    function say(message) {
        status.textContent = message;
    }

    function draw(data) {
        const words = settings();
        layer.clearLayers();
        // Across the antimeridian, each is drawn on the copy of the world nearest the view's centre.
        const centre = map.getCenter().lng;
        for (const cluster of data.clusters) {
            const shift = 360 * Math.round((centre - cluster.longitude) / 360);
            const at = [cluster.latitude, cluster.longitude + shift];
            (cluster.incident ? marker(cluster, at, words) : group(cluster, at, shift)).addTo(layer);
        }

        element.dataset.incidents = String(data.incidents);
        say(data.incidents === 0
            ? text("Script.Map.NoIncident")
            : data.incidents === 1
                ? text("Script.Map.OneIncident")
                : data.clusters.length < data.incidents
                    ? text("Script.Map.IncidentsGathered", data.incidents, data.clusters.length)
                    : text("Script.Map.Incidents", data.incidents));
    }

    function marker(cluster, at, words) {
        const incident = cluster.incident;
        const escalation = cluster.escalations > 0;
        // A report not graded yet ranks as IV but is drawn without a grade's colour.
        const grade = incident.awaitingGrade ? "none" : cluster.severity;
        const shape = L.circleMarker(at, {
            radius: grade === "I" ? 13 : 10,
            color: escalation ? "#000000" : "#1b1f24",
            weight: escalation ? 4 : 2,
            fillColor: colours[grade] || "#5b6470",
            fillOpacity: 0.9,
            className: "incident-marker severity-" + grade,
        });

        const popup = document.createElement("div");
        const link = document.createElement("a");
        link.href = "/Incidents/" + encodeURIComponent(incident.id);
        link.textContent = incident.title;
        const facts = document.createElement("div");
        facts.textContent = (incident.awaitingGrade ? words.notGraded : words.severities[cluster.severity] || cluster.severity) + " · " + (words.states[incident.state] || incident.state)
            + " · " + incident.placeName + (escalation ? " · " + text("Script.Map.EscalationRequired") : "");
        popup.append(link, facts);
        shape.bindPopup(popup);
        // Leaflet reads a string tooltip as HTML: give it a text node instead.
        const tooltip = document.createElement("span");
        tooltip.textContent = incident.title;
        shape.bindTooltip(tooltip);
        return shape;
    }

    function group(cluster, at, shift) {
        const icon = document.createElement("div");
        const count = document.createElement("span");
        count.className = "cluster-count";
        count.textContent = window.CrisisCoord.number(cluster.count);
        const words = document.createElement("span");
        words.className = "visually-hidden";
        words.textContent = " " + (cluster.escalations > 0
            ? text("Script.Map.ClusterEscalations", cluster.severity, cluster.escalations)
            : text("Script.Map.Cluster", cluster.severity));
        icon.append(count, words);
        const size = Math.round(28 + 6 * Math.log10(cluster.count));
        const shape = L.marker(at, {
            icon: L.divIcon({
                html: icon,
                className: "incident-cluster severity-" + cluster.severity + (cluster.escalations > 0 ? " needs-escalation" : ""),
                iconSize: [size, size],
            }),
            keyboard: true,
            riseOnHover: true,
        });

        const b = cluster.bounds;
        const spread = L.latLngBounds([b.south, b.west + shift], [b.north, b.east + shift]);
        shape.on("click", () => {
            const zoom = map.getZoom();
            if (map.getBoundsZoom(spread, false, L.point(40, 40)) > zoom) {
                map.fitBounds(spread, { padding: [40, 40] });
            } else if (zoom < start.maxZoom) {
                map.setView(at, Math.min(start.maxZoom, zoom + 2));
            } else {
                // As close as the map goes and still together: they share one place.
                const here = document.createElement("div");
                here.textContent = text("Script.Map.AtOnePlace", cluster.count);
                shape.bindPopup(here).openPopup();
            }
        });
        return shape;
    }
})();
