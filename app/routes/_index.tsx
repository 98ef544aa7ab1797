import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Health justice commissioning" }];

export default function HomeRoute() {
  return (
    <>
      <h1>Health justice commissioning</h1>
      <p className="nhsuk-lede-text">
        Population health, legal-need demand and health justice partnership activity for integrated care
        boards, their places and their primary care networks.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Population figures come from ONS, NHS England and OHID open data. Health justice partnership
          activity in this demonstration is synthetic demonstration data.
        </p>
      </div>
      <p>
        <Link to="/healthz">Check the service status</Link>
      </p>
    </>
  );
}
