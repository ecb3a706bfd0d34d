// The way frameworks use the package: imported for its side effect only,
// which defines <fact-grid>. A bundler drops this import if package.json
// says the module has no side effects.
import 'factgrid';
