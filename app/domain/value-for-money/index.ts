/** Value for money: measures, the spend-against-outcome quadrant, re-basing prices, the value estimate and the funding cliff (pure). */
export * from "./measures";
export * from "./quadrant";
export * from "./rebase";
export * from "./estimate";
export * from "./funding-cliff";
export * from "./unit-cost-library";
