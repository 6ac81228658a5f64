/** The review feature's public face, for the shell; other features never import it. */
export { ReviewWorkspace } from './ReviewWorkspace';
export { followReview } from './actions';
