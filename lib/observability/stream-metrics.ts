import { Gauge } from "prom-client";
import { streamClientCount } from "@/lib/live/event-stream";
import { metric } from "./registry";

metric(
  "breakwater_stream_clients",
  (c) =>
    new Gauge({
      ...c,
      help: "Browser tabs connected to the live event stream of this process.",
      collect() {
        this.set(streamClientCount());
      },
    }),
);
