/** The service table lives with the engine (plans name services by key); the SDK side reads it from here too. */
export * from '../engine/services.js';
