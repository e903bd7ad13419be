// Live updates over Server-Sent Events.
//
// Contract (docs/dashboard.md): POST {ticketPath} with the session answers {ticket}, a short-lived
// credential for one stream (EventSource cannot send an Authorization header). GET
// {streamPath}?ticket=… streams events: `event:` names the type (order, fill, price, notification,
// position, strategy…; or the type is in the JSON data's "type" field of an unnamed event),
// `data:` is JSON, `id:` orders them. Event `resync` means "events were lost: read the state again".
//
// Reconnecting: when the stream drops, the browser retries by itself with the Last-Event-ID header.
// If that retry is refused (the ticket was single-use or has expired), this module asks for a new
// ticket and reconnects with ?lastEventId=<last id seen>, backing off from 1 s to 30 s. A
// reconnect with no event id to resume from tells the subscribers to resync, as the server does
// when it cannot replay from the id it was given.

import * as api from "./api.js";

export class LiveStream {
  /** options: ticketPath, streamPath, minDelay, maxDelay (ms), EventSource (for tests). */
  constructor({ ticketPath = "/api/events/ticket", streamPath = "/api/events", minDelay = 1000, maxDelay = 30000, EventSource: Source = window.EventSource } = {}) {
    Object.assign(this, { ticketPath, streamPath, minDelay, maxDelay, Source });
    this.handlers = new Map(); // type → Set(handler)
    this.listening = new Set(); // types with a listener on the current EventSource
    this.lastEventId = null;
    this.attempts = 0;
    this.state = "stopped";
    this.source = null;
    this.timer = null;
    this.connected = false; // whether a stream was ever open (a later one without an id to resume from means missed events)
    this.onOnline = () => { if (this.state === "waiting") this.reconnectNow(); };
  }

  /** Calls handler(data, event) for each event of type; "resync" and "state" are types too. Ends with signal or the returned function. */
  on(type, handler, { signal } = {}) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type).add(handler);
    this.listen(type);
    const off = () => this.handlers.get(type)?.delete(handler);
    signal?.addEventListener("abort", off, { once: true });
    return off;
  }

  start() {
    if (this.state !== "stopped") return this;
    window.addEventListener("online", this.onOnline);
    this.connect();
    return this;
  }

  stop() {
    window.removeEventListener("online", this.onOnline);
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
    this.setState("stopped");
  }

  async connect() {
    this.setState("connecting");
    let ticket;
    try {
      ticket = (await api.post(this.ticketPath, undefined)).ticket;
    } catch (problem) {
      if (this.state === "stopped" || problem.status === 401) return; // signed out: the API client has taken the user to sign-in
      this.retryLater();
      return;
    }
    if (this.state === "stopped") return;
    const url = new URL(this.streamPath, location.origin);
    url.searchParams.set("ticket", ticket);
    if (this.lastEventId !== null) url.searchParams.set("lastEventId", this.lastEventId);
    const resuming = this.lastEventId !== null;
    const source = new this.Source(url.pathname + url.search);
    this.source = source;
    this.listening = new Set();
    for (const type of this.handlers.keys()) this.listen(type);
    source.addEventListener("message", event => this.receive(event, null));
    source.addEventListener("resync", event => this.receive(event, "resync"));
    source.onopen = () => {
      if (this.source !== source) return;
      const missed = this.connected && !resuming;
      this.connected = true;
      this.attempts = 0;
      this.setState("live");
      if (missed) this.emit("resync", {}, null);
    };
    source.onerror = () => {
      if (this.source !== source) return;
      if (source.readyState === this.Source.CLOSED) {
        this.source = null;
        this.retryLater();
      } else {
        this.setState("reconnecting"); // the browser retries with Last-Event-ID
      }
    };
  }

  listen(type) {
    if (!this.source || this.listening.has(type) || ["message", "resync", "state"].includes(type)) return;
    this.listening.add(type);
    this.source.addEventListener(type, event => this.receive(event, type));
  }

  receive(event, type) {
    if (event.lastEventId) this.lastEventId = event.lastEventId;
    let data = {};
    try {
      data = event.data ? JSON.parse(event.data) : {};
    } catch (notJson) {
      console.warn(`live event ${event.lastEventId} is not JSON`);
      return;
    }
    this.emit(type ?? data.type ?? "message", data, event);
  }

  emit(type, data, event) {
    for (const handler of [...(this.handlers.get(type) ?? [])]) {
      try {
        handler(data, event);
      } catch (failure) {
        console.warn(`a live ${type} handler failed`, failure);
      }
    }
  }

  retryLater() {
    if (this.state === "stopped") return;
    const delay = Math.min(this.maxDelay, this.minDelay * 2 ** this.attempts) * (0.75 + Math.random() / 4);
    this.attempts += 1;
    this.setState("waiting");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  reconnectNow() {
    clearTimeout(this.timer);
    this.connect();
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emit("state", { state }, null);
  }
}
