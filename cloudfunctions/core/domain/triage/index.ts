// Triage assistance: pure text analysis (no I/O besides loading jieba once).
export * from './tokenizer'
export * from './classifier'
export * from './intervention'
export * from './knowledge'
export * from './route'
export * from './similarity'
export * from './settings'
