/**
 * `programme.list` pages its answer. A site takes part in a handful of programmes, so the
 * pickers and name look-ups ask for one page of the API's maximum size, which holds them all;
 * the programmes screen itself offers "Show more".
 */
export const SITE_PROGRAMMES_PAGE = 200;
