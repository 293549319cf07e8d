import { domAnimation } from 'framer-motion';

// Loaded on demand by <LazyMotion>, so the start page does not carry the animation engine.
export default domAnimation;
