import { defineMutation } from "../mutation";
import { loadIncident } from "./incident-detail";
import { addNoteInput } from "./incident-input";

/** A responder's note on an incident: kept in the audit log, which is where its timeline reads it. */
export const addIncidentNote = defineMutation({
  action: "incident.note",
  permit: "responder",
  input: addNoteInput,
  target: (i) => `incident:${i.id}`,
  async run(tx, input) {
    await loadIncident(tx, input.id);
    return {
      result: { incidentId: input.id, text: input.text },
      audit: { after: { text: input.text } },
      events: [{ topic: "incident", id: String(input.id) }],
    };
  },
});
