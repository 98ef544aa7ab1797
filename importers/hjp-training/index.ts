import type { Importer } from "../shared/importer";
import { trainingLoader } from "./load";
import { parser, type TrainingRecord } from "./parse";

export const hjpTrainingImporter: Importer<TrainingRecord> = {
  source: "hjp-training",
  description: "HJP training of health staff (sessions and attendees by role, per service, quarter and site)",
  parser,
  createLoader: trainingLoader,
};
