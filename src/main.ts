// Browser entry: defines the elements; index.html places <seg-app>.
import './ui/seg-app.ts';
