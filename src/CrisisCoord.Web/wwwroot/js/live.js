// Live updates. The page names the topics it shows (data-topics on #live-status); the server says only
// "this topic changed", and the page then reads itself again with an ordinary GET, which applies the same
// authorization as any read, and swaps in the parts marked data-live-region. Nothing the reader may not see
// can arrive this way, and the parts are the server's own encoded HTML, never strings built here.
(function () {
    const status = document.getElementById("live-status");
    if (!status || !window.signalR) {
        return;
    }

    const topics = (status.dataset.topics || "").split(" ").filter(Boolean);
    const retryDelays = [0, 1000, 2000, 5000, 10000];
    const connection = new signalR.HubConnectionBuilder()
        .withUrl("/live")
        .withAutomaticReconnect({
            // Keep trying for as long as the page is open: a control room's screen must come back by itself.
            nextRetryDelayInMilliseconds: (context) => retryDelays[context.previousRetryCount] ?? 15000,
        })
        .configureLogging(signalR.LogLevel.None)
        .build();

    let timer = null;
    let reading = false;
    let readAgain = false;
    let finished = false;

    function say(text) {
        status.textContent = text;
        status.hidden = text === "";
    }

    function live(on) {
        // Read by the stylesheet and by tests: "on" once the hub has accepted the page's topics.
        document.body.dataset.live = on ? "on" : "off";
    }

    function finish(text) {
        finished = true;
        live(false);
        say(text);
        connection.stop();
    }

    connection.on("changed", (topic) => {
        if (topics.includes(topic)) {
            schedule();
        }
    });
    connection.onreconnecting(() => {
        live(false);
        say(window.CrisisCoord.text("Script.Live.Reconnecting"));
    });
    connection.onreconnected(async () => {
        // A new connection is in no group yet; and whatever changed while away is read now.
        if (await watch()) {
            say("");
            schedule();
        }
    });
    connection.onclose(() => {
        live(false);
        if (!finished) {
            say(window.CrisisCoord.text("Script.Live.Stopped"));
            setTimeout(start, 15000);
        }
    });

    async function watch() {
        try {
            await connection.invoke("Watch", topics);
            live(true);
            return true;
        } catch {
            finish(window.CrisisCoord.text("Script.Live.Unavailable"));
            return false;
        }
    }

    async function start() {
        try {
            await connection.start();
        } catch {
            say(window.CrisisCoord.text("Script.Live.NotConnected"));
            setTimeout(start, 5000);
            return;
        }

        if (await watch()) {
            say("");
        }
    }

    // Several changes in a burst become one read.
    function schedule() {
        if (timer === null && !finished) {
            timer = setTimeout(read, 150);
        }
    }

    async function read() {
        timer = null;
        if (reading) {
            readAgain = true;
            return;
        }

        reading = true;
        try {
            const response = await fetch(location.href, { credentials: "same-origin", cache: "no-store", headers: { Accept: "text/html" } });
            if (response.redirected && new URL(response.url).pathname === "/Account/SignIn") {
                finish(window.CrisisCoord.text("Script.Live.SignedOut"));
                return;
            }

            if (!response.ok) {
                finish(window.CrisisCoord.text("Script.Live.CannotUpdate"));
                return;
            }

            apply(new DOMParser().parseFromString(await response.text(), "text/html"));
        } catch {
            // The network dropped: the reconnect reads again when it is back.
        } finally {
            reading = false;
            if (readAgain) {
                readAgain = false;
                schedule();
            }
        }
    }

    function apply(fresh) {
        for (const region of document.querySelectorAll("[data-live-region]")) {
            const next = fresh.getElementById(region.id);
            if (next === null) {
                continue;
            }

            if (editing(region)) {
                // Never pull a form from under someone typing: update this part once they leave it.
                region.addEventListener("focusout", schedule, { once: true });
                continue;
            }

            const focused = region.contains(document.activeElement) ? document.activeElement : null;
            const adopted = document.importNode(next, true);
            region.replaceWith(adopted);
            window.CrisisCoord.enhance(adopted);
            if (focused !== null) {
                // Keyboard and screen-reader users stay where they were, not thrown back to the top.
                same(adopted, focused)?.focus({ preventScroll: true });
            }
        }

        document.dispatchEvent(new CustomEvent("crisiscoord:live-updated"));
    }

    function same(root, old) {
        if (old.id) {
            return root.querySelector("#" + CSS.escape(old.id));
        }

        for (const candidate of root.querySelectorAll(old.tagName)) {
            if (candidate.textContent === old.textContent && candidate.getAttribute("href") === old.getAttribute("href")) {
                return candidate;
            }
        }

        return null;
    }

    function editing(region) {
        const active = document.activeElement;
        if (active && region.contains(active) && active.matches("input, textarea, select")) {
            return true;
        }

        for (const field of region.querySelectorAll("input:not([type=hidden]), textarea")) {
            const changed = field.type === "checkbox" || field.type === "radio"
                ? field.checked !== field.defaultChecked
                : field.value !== field.defaultValue;
            if (changed) {
                return true;
            }
        }

        for (const select of region.querySelectorAll("select")) {
            for (const option of select.options) {
                if (option.selected !== option.defaultSelected) {
                    return true;
                }
            }
        }

        return false;
    }

    start();
})();
