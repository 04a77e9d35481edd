// The report form's map: a tap puts the pin and fills latitude and longitude; "Use my location" asks the browser
// where the reporter is; typing coordinates moves the pin. The fields stay the truth the server checks, so the form
// works without script (the button stays hidden then). Status messages are text, never HTML.
(function () {
    const element = document.getElementById("report-map");
    const source = document.getElementById("report-map-data");
    if (!element || !source || !window.L) {
        return;
    }

    const data = JSON.parse(source.textContent);
    const latitude = document.querySelector("[data-report='latitude']");
    const longitude = document.querySelector("[data-report='longitude']");
    const photos = document.querySelector("[data-report='photos']");
    const status = document.getElementById("locate-status");
    const locate = document.getElementById("use-my-location");
    const note = document.getElementById("map-tiles-note");
    const round = (value) => Math.round(value * 100000) / 100000;
    const map = L.map(element, { worldCopyJump: true, tap: true }).setView([20, 0], 2);
    let pin = null;

    window.CrisisCoord.addTiles(map, data, note, window.CrisisCoord.text("Script.Tiles.Report"));

    function typed() {
        const lat = Number(latitude.value.trim()), lon = Number(longitude.value.trim());
        return latitude.value.trim() && longitude.value.trim() && Number.isFinite(lat) && Number.isFinite(lon)
            && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
    }

    function place(at, zoom) {
        if (pin) {
            pin.setLatLng(at);
        } else {
            pin = L.circleMarker(at, { radius: 10, color: "#1b1f24", weight: 3, fillColor: "#c62828", fillOpacity: 0.9, className: "report-pin" }).addTo(map);
        }

        map.setView(at, Math.max(map.getZoom(), zoom));
    }

    function fill(at) {
        latitude.value = at[0];
        longitude.value = at[1];
        place(at, 14);
    }

    map.on("click", (event) => {
        fill([round(event.latlng.lat), round(event.latlng.lng)]);
        status.textContent = window.CrisisCoord.text("Script.Report.PinPlaced");
    });

    for (const input of [latitude, longitude]) {
        input.addEventListener("change", () => {
            const at = typed();
            if (at) {
                place(at, 12);
            }
        });
    }

    if (navigator.geolocation) {
        locate.hidden = false;
        locate.addEventListener("click", () => {
            status.textContent = window.CrisisCoord.text("Script.Report.Locating");
            locate.disabled = true;
            navigator.geolocation.getCurrentPosition((position) => {
                locate.disabled = false;
                fill([round(position.coords.latitude), round(position.coords.longitude)]);
                status.textContent = window.CrisisCoord.text("Script.Report.Located", Math.round(position.coords.accuracy));
            }, () => {
                locate.disabled = false;
                status.textContent = window.CrisisCoord.text("Script.Report.LocateFailed");
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
        });
    }

    if (photos) {
        photos.addEventListener("change", () => {
            photos.setCustomValidity(photos.files.length > 3 ? window.CrisisCoord.text("Script.Report.TooManyPhotos", 3) : "");
            photos.reportValidity();
        });
    }

    const start = typed();
    if (start) {
        place(start, 12);
    }
})();
