/** Health justice partnership data, one file per aggregate. */
export * from "./hjp-activity";
export * from "./hjp-funding";
export * from "./hjp-services";
export * from "./hjp-training";
export * from "./hjp-rollup-cells";
