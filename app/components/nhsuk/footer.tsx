import { Link } from "@remix-run/react";

export function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/about/data">
                Data sources and licences
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/healthz">
                Service status
              </Link>
            </li>
          </ul>
          <p className="nhsuk-body-s">
            Contains public sector information licensed under the Open Government Licence v3.0. Health
            justice partnership activity shown in this demonstration is synthetic.
          </p>
        </div>
      </div>
    </footer>
  );
}
