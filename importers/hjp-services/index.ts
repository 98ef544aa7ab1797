import type { Importer } from "../shared/importer";
import { servicesLoader } from "./load";
import { parser, type ServiceRecord } from "./parse";

export const hjpServicesImporter: Importer<ServiceRecord> = {
  source: "hjp-services",
  description: "HJP services: provider, settings and sites, footprint served, delivery model, staffing",
  parser,
  createLoader: servicesLoader,
};
