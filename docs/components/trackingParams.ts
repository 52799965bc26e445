// The tracking parameters a shared link picks up on its way: passed over without a notice by every page that reads its
// link (parseShareQuery for the scenario and story pages, /compare's scenario= link), one list for all of them.

/**
 * The tracking parameters link shorteners, social sites and mail tools append to a shared link. A page reads them as
 * no setting and leaves them out of its notice of what the link held that it did not apply: a reader who opened a
 * page's link from LinkedIn was told "Ignored … unknown parameter utm_source" about a parameter they never wrote
 * (helper item). Any `utm_…` (the campaign parameters of Google Analytics: utm_source, utm_medium, utm_campaign,
 * utm_term, utm_content, utm_id, …) and the click and mail ids of TRACKING_PARAMS, compared in lower case. Any other
 * parameter the page does not take is still listed as unknown.
 */
export const TRACKING_PARAM_PREFIX = "utm_";

/** Click and mail ids, each with the service that appends it. */
export const TRACKING_PARAMS: readonly string[] = [
  "fbclid", // Facebook, Instagram
  "gclid", // Google Ads, and its variants below
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid", // Microsoft Advertising
  "li_fat_id", // LinkedIn
  "trk", // LinkedIn
  "twclid", // X (Twitter)
  "ttclid", // TikTok
  "igshid", // Instagram
  "yclid", // Yandex
  "mc_eid", // Mailchimp
  "mc_cid", // Mailchimp
  "_hsenc", // HubSpot
  "_hsmi", // HubSpot
  "mkt_tok" // Marketo
];

/** True for a parameter name that TRACKING_PARAM_PREFIX or TRACKING_PARAMS names, in any case. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(TRACKING_PARAM_PREFIX) || TRACKING_PARAMS.includes(lower);
}
