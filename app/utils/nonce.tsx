import { createContext, useContext } from "react";

/** The per-request nonce that the content security policy allows scripts with. */
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
