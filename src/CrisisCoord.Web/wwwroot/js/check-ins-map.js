// The coordinators' map of calls for help: a pin per person, red until a task is made of it, grey after. Every
// popup is built from DOM text nodes, never HTML strings: names, places and notes are what people typed.
(function () {
    const element = document.getElementById("check-ins-map");
    const source = document.getElementById("check-ins-map-data");
    if (!element || !source || !window.L) {
        return;
    }

    const data = JSON.parse(source.textContent);
    const note = document.getElementById("map-tiles-note");
    const map = L.map(element, { worldCopyJump: true }).setView([20, 0], 2);
    window.CrisisCoord.addTiles(map, data, note, window.CrisisCoord.text("Script.Tiles.CheckIns"));

    function popup(point) {
        const box = document.createElement("div");
        const name = document.createElement("strong");
        name.textContent = point.name;
        box.appendChild(name);
        for (const line of [point.place, point.note ? "“" + point.note + "”" : "", window.CrisisCoord.text(point.handled ? "Script.CheckIns.Handled" : "Script.CheckIns.NotHandled")]) {
            if (line) {
                box.appendChild(document.createElement("br"));
                box.appendChild(document.createTextNode(line));
            }
        }

        const link = document.createElement("a");
        link.href = "#check-in-" + point.id;
        link.textContent = window.CrisisCoord.text("Script.CheckIns.InList");
        box.appendChild(document.createElement("br"));
        box.appendChild(link);
        return box;
    }

    const bounds = [];
    for (const point of data.points) {
        const at = [point.latitude, point.longitude];
        L.circleMarker(at, {
            radius: 9, color: "#1b1f24", weight: 2,
            fillColor: point.handled ? "#8a8f98" : "#c62828", fillOpacity: 0.9, className: "check-in-pin",
        }).bindPopup(popup(point)).addTo(map);
        bounds.push(at);
    }

    if (bounds.length > 0) {
        map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
    }
})();
