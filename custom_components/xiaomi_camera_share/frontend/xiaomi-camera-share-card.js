function e(e,t,i,s){var n,a=arguments.length,r=a<3?t:null===s?s=Object.getOwnPropertyDescriptor(t,i):s;if("object"==typeof Reflect&&"function"==typeof Reflect.decorate)r=Reflect.decorate(e,t,i,s);else for(var o=e.length-1;o>=0;o--)(n=e[o])&&(r=(a<3?n(r):a>3?n(t,i,r):n(t,i))||r);return a>3&&r&&Object.defineProperty(t,i,r),r}"function"==typeof SuppressedError&&SuppressedError;const t=globalThis,i=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,s=Symbol(),n=new WeakMap;let a=class{constructor(e,t,i){if(this._$cssResult$=!0,i!==s)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o;const t=this.t;if(i&&void 0===e){const i=void 0!==t&&1===t.length;i&&(e=n.get(t)),void 0===e&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),i&&n.set(t,e))}return e}toString(){return this.cssText}};const r=(e,...t)=>{const i=1===e.length?e[0]:t.reduce((t,i,s)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if("number"==typeof e)return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+e[s+1],e[0]);return new a(i,e,s)},o=i?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t="";for(const i of e.cssRules)t+=i.cssText;return(e=>new a("string"==typeof e?e:e+"",void 0,s))(t)})(e):e,{is:c,defineProperty:l,getOwnPropertyDescriptor:d,getOwnPropertyNames:h,getOwnPropertySymbols:p,getPrototypeOf:u}=Object,m=globalThis,g=m.trustedTypes,v=g?g.emptyScript:"",f=m.reactiveElementPolyfillSupport,y=(e,t)=>e,$={toAttribute(e,t){switch(t){case Boolean:e=e?v:null;break;case Object:case Array:e=null==e?e:JSON.stringify(e)}return e},fromAttribute(e,t){let i=e;switch(t){case Boolean:i=null!==e;break;case Number:i=null===e?null:Number(e);break;case Object:case Array:try{i=JSON.parse(e)}catch(e){i=null}}return i}},_=(e,t)=>!c(e,t),b={attribute:!0,type:String,converter:$,reflect:!1,useDefault:!1,hasChanged:_};Symbol.metadata??=Symbol("metadata"),m.litPropertyMetadata??=new WeakMap;let w=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=b){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){const i=Symbol(),s=this.getPropertyDescriptor(e,i,t);void 0!==s&&l(this.prototype,e,s)}}static getPropertyDescriptor(e,t,i){const{get:s,set:n}=d(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:s,set(t){const a=s?.call(this);n?.call(this,t),this.requestUpdate(e,a,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??b}static _$Ei(){if(this.hasOwnProperty(y("elementProperties")))return;const e=u(this);e.finalize(),void 0!==e.l&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(y("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(y("properties"))){const e=this.properties,t=[...h(e),...p(e)];for(const i of t)this.createProperty(i,e[i])}const e=this[Symbol.metadata];if(null!==e){const t=litPropertyMetadata.get(e);if(void 0!==t)for(const[e,i]of t)this.elementProperties.set(e,i)}this._$Eh=new Map;for(const[e,t]of this.elementProperties){const i=this._$Eu(e,t);void 0!==i&&this._$Eh.set(i,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const t=[];if(Array.isArray(e)){const i=new Set(e.flat(1/0).reverse());for(const e of i)t.unshift(o(e))}else void 0!==e&&t.push(o(e));return t}static _$Eu(e,t){const i=t.attribute;return!1===i?void 0:"string"==typeof i?i:"string"==typeof e?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),void 0!==this.renderRoot&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=new Map,t=this.constructor.elementProperties;for(const i of t.keys())this.hasOwnProperty(i)&&(e.set(i,this[i]),delete this[i]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return((e,s)=>{if(i)e.adoptedStyleSheets=s.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(const i of s){const s=document.createElement("style"),n=t.litNonce;void 0!==n&&s.setAttribute("nonce",n),s.textContent=i.cssText,e.appendChild(s)}})(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,i){this._$AK(e,i)}_$ET(e,t){const i=this.constructor.elementProperties.get(e),s=this.constructor._$Eu(e,i);if(void 0!==s&&!0===i.reflect){const n=(void 0!==i.converter?.toAttribute?i.converter:$).toAttribute(t,i.type);this._$Em=e,null==n?this.removeAttribute(s):this.setAttribute(s,n),this._$Em=null}}_$AK(e,t){const i=this.constructor,s=i._$Eh.get(e);if(void 0!==s&&this._$Em!==s){const e=i.getPropertyOptions(s),n="function"==typeof e.converter?{fromAttribute:e.converter}:void 0!==e.converter?.fromAttribute?e.converter:$;this._$Em=s;const a=n.fromAttribute(t,e.type);this[s]=a??this._$Ej?.get(s)??a,this._$Em=null}}requestUpdate(e,t,i,s=!1,n){if(void 0!==e){const a=this.constructor;if(!1===s&&(n=this[e]),i??=a.getPropertyOptions(e),!((i.hasChanged??_)(n,t)||i.useDefault&&i.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,i))))return;this.C(e,t,i)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:i,reflect:s,wrapped:n},a){i&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==n||void 0!==a)||(this._$AL.has(e)||(this.hasUpdated||i||(t=void 0),this._$AL.set(e,t)),!0===s&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}const e=this.scheduleUpdate();return null!=e&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}const e=this.constructor.elementProperties;if(e.size>0)for(const[t,i]of e){const{wrapped:e}=i,s=this[t];!0!==e||this._$AL.has(t)||void 0===s||this.C(t,void 0,i,s)}}let e=!1;const t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[y("elementProperties")]=new Map,w[y("finalized")]=new Map,f?.({ReactiveElement:w}),(m.reactiveElementVersions??=[]).push("2.1.2");const x=globalThis,k=e=>e,A=x.trustedTypes,S=A?A.createPolicy("lit-html",{createHTML:e=>e}):void 0,z="$lit$",E=`lit$${Math.random().toFixed(9).slice(2)}$`,C="?"+E,P=`<${C}>`,H=document,M=()=>H.createComment(""),O=e=>null===e||"object"!=typeof e&&"function"!=typeof e,T=Array.isArray,R="[ \t\n\f\r]",D=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,U=/-->/g,N=/>/g,j=RegExp(`>|${R}(?:([^\\s"'>=/]+)(${R}*=${R}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,"g"),I=/'/g,L=/"/g,B=/^(?:script|style|textarea|title)$/i,q=(e,...t)=>({_$litType$:1,strings:e,values:t}),W=Symbol.for("lit-noChange"),K=Symbol.for("lit-nothing"),V=new WeakMap,F=H.createTreeWalker(H,129);function X(e,t){if(!T(e)||!e.hasOwnProperty("raw"))throw Error("invalid template strings array");return void 0!==S?S.createHTML(t):t}class J{constructor({strings:e,_$litType$:t},i){let s;this.parts=[];let n=0,a=0;const r=e.length-1,o=this.parts,[c,l]=((e,t)=>{const i=e.length-1,s=[];let n,a=2===t?"<svg>":3===t?"<math>":"",r=D;for(let t=0;t<i;t++){const i=e[t];let o,c,l=-1,d=0;for(;d<i.length&&(r.lastIndex=d,c=r.exec(i),null!==c);)d=r.lastIndex,r===D?"!--"===c[1]?r=U:void 0!==c[1]?r=N:void 0!==c[2]?(B.test(c[2])&&(n=RegExp("</"+c[2],"g")),r=j):void 0!==c[3]&&(r=j):r===j?">"===c[0]?(r=n??D,l=-1):void 0===c[1]?l=-2:(l=r.lastIndex-c[2].length,o=c[1],r=void 0===c[3]?j:'"'===c[3]?L:I):r===L||r===I?r=j:r===U||r===N?r=D:(r=j,n=void 0);const h=r===j&&e[t+1].startsWith("/>")?" ":"";a+=r===D?i+P:l>=0?(s.push(o),i.slice(0,l)+z+i.slice(l)+E+h):i+E+(-2===l?t:h)}return[X(e,a+(e[i]||"<?>")+(2===t?"</svg>":3===t?"</math>":"")),s]})(e,t);if(this.el=J.createElement(c,i),F.currentNode=this.el.content,2===t||3===t){const e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;null!==(s=F.nextNode())&&o.length<r;){if(1===s.nodeType){if(s.hasAttributes())for(const e of s.getAttributeNames())if(e.endsWith(z)){const t=l[a++],i=s.getAttribute(e).split(E),r=/([.?@])?(.*)/.exec(t);o.push({type:1,index:n,name:r[2],strings:i,ctor:"."===r[1]?ee:"?"===r[1]?te:"@"===r[1]?ie:Y}),s.removeAttribute(e)}else e.startsWith(E)&&(o.push({type:6,index:n}),s.removeAttribute(e));if(B.test(s.tagName)){const e=s.textContent.split(E),t=e.length-1;if(t>0){s.textContent=A?A.emptyScript:"";for(let i=0;i<t;i++)s.append(e[i],M()),F.nextNode(),o.push({type:2,index:++n});s.append(e[t],M())}}}else if(8===s.nodeType)if(s.data===C)o.push({type:2,index:n});else{let e=-1;for(;-1!==(e=s.data.indexOf(E,e+1));)o.push({type:7,index:n}),e+=E.length-1}n++}}static createElement(e,t){const i=H.createElement("template");return i.innerHTML=e,i}}function Z(e,t,i=e,s){if(t===W)return t;let n=void 0!==s?i._$Co?.[s]:i._$Cl;const a=O(t)?void 0:t._$litDirective$;return n?.constructor!==a&&(n?._$AO?.(!1),void 0===a?n=void 0:(n=new a(e),n._$AT(e,i,s)),void 0!==s?(i._$Co??=[])[s]=n:i._$Cl=n),void 0!==n&&(t=Z(e,n._$AS(e,t.values),n,s)),t}class G{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:t},parts:i}=this._$AD,s=(e?.creationScope??H).importNode(t,!0);F.currentNode=s;let n=F.nextNode(),a=0,r=0,o=i[0];for(;void 0!==o;){if(a===o.index){let t;2===o.type?t=new Q(n,n.nextSibling,this,e):1===o.type?t=new o.ctor(n,o.name,o.strings,this,e):6===o.type&&(t=new se(n,this,e)),this._$AV.push(t),o=i[++r]}a!==o?.index&&(n=F.nextNode(),a++)}return F.currentNode=H,s}p(e){let t=0;for(const i of this._$AV)void 0!==i&&(void 0!==i.strings?(i._$AI(e,i,t),t+=i.strings.length-2):i._$AI(e[t])),t++}}class Q{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,i,s){this.type=2,this._$AH=K,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=i,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const t=this._$AM;return void 0!==t&&11===e?.nodeType&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=Z(this,e,t),O(e)?e===K||null==e||""===e?(this._$AH!==K&&this._$AR(),this._$AH=K):e!==this._$AH&&e!==W&&this._(e):void 0!==e._$litType$?this.$(e):void 0!==e.nodeType?this.T(e):(e=>T(e)||"function"==typeof e?.[Symbol.iterator])(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==K&&O(this._$AH)?this._$AA.nextSibling.data=e:this.T(H.createTextNode(e)),this._$AH=e}$(e){const{values:t,_$litType$:i}=e,s="number"==typeof i?this._$AC(e):(void 0===i.el&&(i.el=J.createElement(X(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===s)this._$AH.p(t);else{const e=new G(s,this),i=e.u(this.options);e.p(t),this.T(i),this._$AH=e}}_$AC(e){let t=V.get(e.strings);return void 0===t&&V.set(e.strings,t=new J(e)),t}k(e){T(this._$AH)||(this._$AH=[],this._$AR());const t=this._$AH;let i,s=0;for(const n of e)s===t.length?t.push(i=new Q(this.O(M()),this.O(M()),this,this.options)):i=t[s],i._$AI(n),s++;s<t.length&&(this._$AR(i&&i._$AB.nextSibling,s),t.length=s)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){const t=k(e).nextSibling;k(e).remove(),e=t}}setConnected(e){void 0===this._$AM&&(this._$Cv=e,this._$AP?.(e))}}class Y{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,i,s,n){this.type=1,this._$AH=K,this._$AN=void 0,this.element=e,this.name=t,this._$AM=s,this.options=n,i.length>2||""!==i[0]||""!==i[1]?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=K}_$AI(e,t=this,i,s){const n=this.strings;let a=!1;if(void 0===n)e=Z(this,e,t,0),a=!O(e)||e!==this._$AH&&e!==W,a&&(this._$AH=e);else{const s=e;let r,o;for(e=n[0],r=0;r<n.length-1;r++)o=Z(this,s[i+r],t,r),o===W&&(o=this._$AH[r]),a||=!O(o)||o!==this._$AH[r],o===K?e=K:e!==K&&(e+=(o??"")+n[r+1]),this._$AH[r]=o}a&&!s&&this.j(e)}j(e){e===K?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class ee extends Y{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===K?void 0:e}}class te extends Y{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==K)}}class ie extends Y{constructor(e,t,i,s,n){super(e,t,i,s,n),this.type=5}_$AI(e,t=this){if((e=Z(this,e,t,0)??K)===W)return;const i=this._$AH,s=e===K&&i!==K||e.capture!==i.capture||e.once!==i.once||e.passive!==i.passive,n=e!==K&&(i===K||s);s&&this.element.removeEventListener(this.name,this,i),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class se{constructor(e,t,i){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(e){Z(this,e)}}const ne={I:Q},ae=x.litHtmlPolyfillSupport;ae?.(J,Q),(x.litHtmlVersions??=[]).push("3.3.3");const re=globalThis;let oe=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=((e,t,i)=>{const s=i?.renderBefore??t;let n=s._$litPart$;if(void 0===n){const e=i?.renderBefore??null;s._$litPart$=n=new Q(t.insertBefore(M(),e),e,void 0,i??{})}return n._$AI(e),n})(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return W}};oe._$litElement$=!0,oe.finalized=!0,re.litElementHydrateSupport?.({LitElement:oe});const ce=re.litElementPolyfillSupport;ce?.({LitElement:oe}),(re.litElementVersions??=[]).push("4.2.2");const le={attribute:!0,type:String,converter:$,reflect:!1,hasChanged:_},de=(e=le,t,i)=>{const{kind:s,metadata:n}=i;let a=globalThis.litPropertyMetadata.get(n);if(void 0===a&&globalThis.litPropertyMetadata.set(n,a=new Map),"setter"===s&&((e=Object.create(e)).wrapped=!0),a.set(i.name,e),"accessor"===s){const{name:s}=i;return{set(i){const n=t.get.call(this);t.set.call(this,i),this.requestUpdate(s,n,e,!0,i)},init(t){return void 0!==t&&this.C(s,void 0,e,t),t}}}if("setter"===s){const{name:s}=i;return function(i){const n=this[s];t.call(this,i),this.requestUpdate(s,n,e,!0,i)}}throw Error("Unsupported decorator location: "+s)};function he(e){return(t,i)=>"object"==typeof i?de(e,t,i):((e,t,i)=>{const s=t.hasOwnProperty(i);return t.constructor.createProperty(i,e),s?Object.getOwnPropertyDescriptor(t,i):void 0})(e,t,i)}function pe(e){return he({...e,state:!0,attribute:!1})}function ue(e,t){return(t,i,s)=>((e,t,i)=>(i.configurable=!0,i.enumerable=!0,Reflect.decorate&&"object"!=typeof t&&Object.defineProperty(e,t,i),i))(t,i,{get(){return(t=>t.renderRoot?.querySelector(e)??null)(this)}})}const me="xiaomi_camera_share",ge={subscribe:`${me}/subscribe`,history:`${me}/history`,saveRecipient:`${me}/recipients/save`};class ve extends Error{constructor(e,t={}){super(e),this.name="ServiceCallError",this.code=t.code,this.translationDomain=t.translationDomain,this.translationKey=t.translationKey,this.translationPlaceholders=t.translationPlaceholders??{}}static from(e){if(e instanceof ve)return e;if(e instanceof Error)return new ve(e.message);if("object"!=typeof e||null===e)return new ve(String(e));const t=e,i=e=>"string"==typeof e?e:void 0,s="object"==typeof t.translation_placeholders&&null!==t.translation_placeholders?Object.fromEntries(Object.entries(t.translation_placeholders).filter(e=>"string"==typeof e[1])):void 0;return new ve(i(t.message)??String(e),{code:i(t.code),translationDomain:i(t.translation_domain),translationKey:i(t.translation_key),translationPlaceholders:s})}}async function fe(e,t,i,s){try{return(await e.callService(me,t,i,void 0,!0,s)).response}catch(e){throw ve.from(e)}}function ye(e,t=new Date){switch(e.kind){case"permanent":return{};case"hours":return{duration:{hours:e.hours}};case"until":return{duration:{seconds:Math.round((e.until.getTime()-t.getTime())/1e3)}}}}const $e=new WeakMap;function _e(e,t){let i=$e.get(e.connection);if(!i){const t={listeners:new Set,unsubscribe:Promise.resolve(void 0)};t.unsubscribe=function(e){return e.connection.subscribeMessage(e=>{t.latest=e,t.error=void 0;for(const i of t.listeners)i({document:e})},{type:ge.subscribe})}(e).catch(i=>{t.error=function(e){return e&&"object"==typeof e&&"code"in e?String(e.code):e instanceof Error?e.message:String(e)}(i);for(const e of t.listeners)e({error:t.error});$e.delete(e.connection)}),$e.set(e.connection,t),i=t}const s=i;return s.listeners.add(t),s.latest?t({document:s.latest}):s.error&&t({error:s.error}),()=>{!s.listeners.delete(t)||s.listeners.size>0||($e.get(e.connection)===s&&$e.delete(e.connection),s.unsubscribe.then(e=>e?.()).catch(()=>{}))}}class be{constructor(e){this.host=e,this.connected=!1,e.addController(this)}setHass(e){const t=this.hass?.connection!==e.connection;this.hass=e,t&&this.connected&&this.start()}hostConnected(){this.connected=!0,this.start()}hostDisconnected(){this.connected=!1,this.stop?.(),this.stop=void 0}start(){this.stop?.(),this.stop=void 0,this.hass&&(this.stop=_e(this.hass,({document:e,error:t})=>{this.document=e??this.document,this.error=t,this.host.requestUpdate()}))}}const we="xiaomi-camera-share-card",xe=["tap","always","never"],ke=["cameras","invites","history"];class Ae extends Error{}function Se(e,t){return!!e.expires_at&&new Date(e.expires_at).getTime()-t.getTime()<=864e5}function ze(e){return e.owner?"not_owner":e.capabilities.can_share?e.device_id?void 0:"no_device":e.capabilities.reason??"model_not_shareable"}function Ee(e,t){return t?.length?t.map(t=>e.find(e=>e.did===t||e.device_id===t||e.camera_entity===t)).filter(e=>void 0!==e):e}const Ce=r`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--ha-border-radius-md, 8px);
    padding: 6px 12px;
    border: 1px solid var(--divider-color, #e0e0e0);
    background: transparent;
    color: var(--primary-color, #03a9f4);
    min-height: 32px;
  }
  button.primary {
    background: var(--primary-color, #03a9f4);
    border-color: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
  }
  button.danger {
    color: var(--error-color, #db4437);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  input,
  select {
    font: inherit;
    color: var(--primary-text-color, #212121);
    background: var(--input-fill-color, var(--secondary-background-color, #f5f5f5));
    border: 1px solid var(--divider-color, #e0e0e0);
    border-radius: var(--ha-border-radius-sm, 4px);
    padding: 6px 8px;
  }
  .muted {
    color: var(--secondary-text-color, #727272);
  }
  .warning {
    color: var(--warning-color, #ffa600);
  }
  .error {
    color: var(--error-color, #db4437);
  }
`,Pe=r`
  dialog {
    border: none;
    padding: 0;
    width: min(480px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    border-radius: var(--ha-dialog-border-radius, var(--ha-border-radius-lg, 12px));
    background: var(--ha-dialog-surface-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    box-shadow: var(--ha-card-box-shadow, 0 4px 24px rgba(0, 0, 0, 0.3));
  }
  dialog::backdrop {
    background: rgba(0, 0, 0, 0.4);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 16px 16px 8px;
  }
  h2 {
    margin: 0;
    font-size: 1.2em;
    font-weight: 500;
  }
  .body {
    padding: 8px 16px;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  footer {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    padding: 8px 16px 16px;
  }
`,He=r`
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  legend,
  label.field {
    font-weight: 500;
  }
`,Me=r`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  li {
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
    padding-bottom: 8px;
  }
`,Oe={"card.name":"Xiaomi Camera Share","card.description":"Your Xiaomi cameras in a grid: share them, see who has access, answer invites.","card.loading":"Loading cameras…","card.not_configured":"No Xiaomi account is set up yet. Add the Xiaomi Camera Share integration first.","card.not_admin":"Only Home Assistant administrators can manage camera sharing.","card.unavailable":"Xiaomi Camera Share is not loaded ({error}).","card.empty":"No cameras found in the configured Xiaomi accounts.","card.offline":"The Xiaomi cloud cannot be reached for {account}. Showing the last known state.","card.auth_failed":"{account} must sign in again (Settings → Devices & services).","tab.cameras":"Cameras","tab.invites":"Invites","tab.history":"History","tile.online":"Online","tile.offline":"Offline","tile.no_access":"Not shared","tile.accepted":"{count} with access","tile.pending":"{count} pending","tile.expiring":"{count} expiring soon","tile.shared_by":"Shared by {name}","tile.no_entity":"No camera entity linked","tile.share":"Share","tile.manage":"Manage access","tile.live":"Show live view of {name}","reason.not_owner":"This camera was shared with you; only its owner can share it.","reason.model_not_shareable":"This camera model cannot be shared.","reason.sharee_limit":"This camera is already shared with as many people as it allows.","reason.no_device":"This camera is not linked to a Home Assistant device yet.","share.title":"Share {name}","share.recipient_kind":"Share with","share.kind.xiaomi_id":"Xiaomi ID","share.kind.phone":"Phone number","share.kind.saved":"Saved recipient","share.kind.account":"Account in Home Assistant","share.recipient":"Recipient","share.no_saved":"No saved recipients yet.","share.no_accounts":"No other account is configured here.","share.lookup":"Look up","share.looking_up":"Looking up…","share.found":"Found {nickname} ({user_id})","share.save_name":"Save as recipient named","share.save":"Save","share.saved":"Saved as “{name}”.","share.save_failed":"Could not save the recipient.","share.lookup_failed":"Nobody was found for this recipient.","share.permission":"Permission","share.permission.view_only":"View only","share.permission.control":"View and control","share.view_only_unavailable":"This model offers no view-only sharing; recipients can also control it.","share.duration":"Duration","share.duration.permanent":"Permanent","share.duration.1h":"1 hour","share.duration.4h":"4 hours","share.duration.1d":"1 day","share.duration.1w":"1 week","share.duration.until":"Until…","share.until":"Share until","share.auto_accept":"Accept the invite on their side at once","share.region_warning":"{nickname} uses {their_region}, but this camera is in {camera_region}. The invite waits in {camera_region}: they must switch Mi Home to {camera_region} to see it.","share.send":"Share","share.sending":"Sharing…","share.result.invited":"Invite sent to {nickname}.","share.result.shared":"Shared with {nickname}.","share.result.error":"Sharing failed: {error}","share.result.invite_regions":"Invites only arrive when the recipient's Mi Home app uses the same region: {regions}","share.unavailable":"This camera cannot be shared","dialog.close":"Close","dialog.cancel":"Cancel","manage.title":"Access to {name}","manage.empty":"Nobody else has access to this camera.","manage.status.accepted":"Has access","manage.status.pending":"Invite pending","manage.since":"Since {time}","manage.expires":"Expires {relative}","manage.permanent":"Permanent","manage.revoke":"Revoke","manage.revoke_label":"Revoke access of {name}","manage.extend":"Extend","manage.extend_label":"Extend access of {name}","manage.extend.1h":"+1 hour","manage.extend.1d":"+1 day","manage.extend.1w":"+1 week","manage.extend.permanent":"Make permanent","invites.empty":"No invites are waiting.","invites.from":"From {name}","invites.expires":"Expires {relative}","invites.expired":"Expired","invites.waits_in":"Waits in {region}","invites.region_not_used":"This account does not use {region}; the invite would stay invisible in Mi Home.","invites.accept":"Accept","invites.decline":"Decline","invites.accept_label":"Accept {camera} from {name}","invites.decline_label":"Decline {camera} from {name}","history.empty":"Nothing has happened yet.","history.more":"Load older entries","history.loading":"Loading…","history.invite_sent":"Invited {nickname} to {camera}","history.share_accepted":"{nickname} accepted {camera}","history.share_declined":"{nickname} declined {camera}","history.share_revoked":"Revoked {camera} from {nickname}","history.share_expired":"Share of {camera} with {nickname} expired","history.invite_received":"{nickname} invited you to {camera}","history.invite_accepted":"Accepted {camera} from {nickname}","history.invite_declined":"Declined {camera} from {nickname}","history.action_failed":"An action on {camera} failed: {message}","history.someone":"someone","history.a_camera":"a camera","permission.view_only":"View only","permission.control":"Control","region.cn":"Mainland China","region.de":"Europe","region.us":"United States","region.ru":"Russia","region.sg":"Singapore","region.i2":"India","list.separator":", ","editor.title":"Title","editor.columns":"Columns","editor.live":"Live view","editor.live.tap":"On tap","editor.live.always":"Always","editor.live.never":"Never (still images only)","editor.sections":"Sections","editor.cameras":"Cameras (none selected: all cameras)","editor.no_cameras":"The camera list appears once the integration is set up.","error.config":"Invalid configuration: {detail}","service_error.recipient_region_mismatch":"{person} ({account}) does not use the region {region}, where {camera} lives, so the invite would never arrive. Add {region} to that account's regions (reconfigure it) and switch its Mi Home app to {region}, then share again."},Te={"card.name":"小米摄像机共享","card.description":"以网格显示小米摄像机：共享、查看谁有权限、处理邀请。","card.loading":"正在加载摄像机…","card.not_configured":"尚未设置小米账号。请先添加“小米摄像机共享”集成。","card.not_admin":"只有 Home Assistant 管理员可以管理摄像机共享。","card.unavailable":"小米摄像机共享未加载（{error}）。","card.empty":"已配置的小米账号中没有摄像机。","card.offline":"无法连接小米云（{account}）。显示的是最近一次的状态。","card.auth_failed":"{account} 需要重新登录（设置 → 设备与服务）。","tab.cameras":"摄像机","tab.invites":"邀请","tab.history":"记录","tile.online":"在线","tile.offline":"离线","tile.no_access":"未共享","tile.accepted":"{count} 人有权限","tile.pending":"{count} 人待接受","tile.expiring":"{count} 人即将到期","tile.shared_by":"由 {name} 共享","tile.no_entity":"未关联摄像机实体","tile.share":"共享","tile.manage":"管理权限","tile.live":"查看 {name} 的实时画面","reason.not_owner":"此摄像机是别人共享给你的，只有主人可以共享。","reason.model_not_shareable":"此型号的摄像机不支持共享。","reason.sharee_limit":"此摄像机的共享人数已达上限。","reason.no_device":"此摄像机尚未关联 Home Assistant 设备。","share.title":"共享 {name}","share.recipient_kind":"共享给","share.kind.xiaomi_id":"小米 ID","share.kind.phone":"手机号","share.kind.saved":"已保存的联系人","share.kind.account":"Home Assistant 中的账号","share.recipient":"接收人","share.no_saved":"还没有保存的联系人。","share.no_accounts":"这里没有配置其他账号。","share.lookup":"查找","share.looking_up":"正在查找…","share.found":"找到 {nickname}（{user_id}）","share.save_name":"保存为联系人，名称","share.save":"保存","share.saved":"已保存为“{name}”。","share.save_failed":"无法保存联系人。","share.lookup_failed":"找不到这个接收人。","share.permission":"权限","share.permission.view_only":"仅查看","share.permission.control":"查看和控制","share.view_only_unavailable":"此型号不支持仅查看共享，接收人也可以控制它。","share.duration":"时长","share.duration.permanent":"永久","share.duration.1h":"1 小时","share.duration.4h":"4 小时","share.duration.1d":"1 天","share.duration.1w":"1 周","share.duration.until":"直到…","share.until":"共享截止时间","share.auto_accept":"立即在对方账号中接受邀请","share.region_warning":"{nickname} 使用的是{their_region}，但此摄像机在{camera_region}。邀请会留在{camera_region}：对方需要把米家切换到{camera_region}才能看到。","share.send":"共享","share.sending":"正在共享…","share.result.invited":"已向 {nickname} 发送邀请。","share.result.shared":"已共享给 {nickname}。","share.result.error":"共享失败：{error}","share.result.invite_regions":"只有当对方的米家使用相同的地区时，邀请才会送达：{regions}","share.unavailable":"此摄像机无法共享","dialog.close":"关闭","dialog.cancel":"取消","manage.title":"{name} 的访问权限","manage.empty":"没有其他人可以访问此摄像机。","manage.status.accepted":"有权限","manage.status.pending":"邀请待接受","manage.since":"自 {time}","manage.expires":"{relative}到期","manage.permanent":"永久","manage.revoke":"撤销","manage.revoke_label":"撤销 {name} 的权限","manage.extend":"延长","manage.extend_label":"延长 {name} 的权限","manage.extend.1h":"+1 小时","manage.extend.1d":"+1 天","manage.extend.1w":"+1 周","manage.extend.permanent":"改为永久","invites.empty":"没有待处理的邀请。","invites.from":"来自 {name}","invites.expires":"{relative}到期","invites.expired":"已过期","invites.waits_in":"位于{region}","invites.region_not_used":"此账号未使用{region}，在米家中看不到这个邀请。","invites.accept":"接受","invites.decline":"拒绝","invites.accept_label":"接受 {name} 共享的 {camera}","invites.decline_label":"拒绝 {name} 共享的 {camera}","history.empty":"还没有任何记录。","history.more":"加载更早的记录","history.loading":"正在加载…","history.invite_sent":"邀请 {nickname} 使用 {camera}","history.share_accepted":"{nickname} 接受了 {camera}","history.share_declined":"{nickname} 拒绝了 {camera}","history.share_revoked":"撤销了 {nickname} 对 {camera} 的权限","history.share_expired":"{nickname} 对 {camera} 的共享已到期","history.invite_received":"{nickname} 邀请你使用 {camera}","history.invite_accepted":"接受了 {nickname} 共享的 {camera}","history.invite_declined":"拒绝了 {nickname} 共享的 {camera}","history.action_failed":"对 {camera} 的操作失败：{message}","history.someone":"某人","history.a_camera":"某个摄像机","permission.view_only":"仅查看","permission.control":"可控制","region.cn":"中国大陆","region.de":"欧洲","region.us":"美国","region.ru":"俄罗斯","region.sg":"新加坡","region.i2":"印度","list.separator":"、","editor.title":"标题","editor.columns":"列数","editor.live":"实时画面","editor.live.tap":"点击时","editor.live.always":"始终","editor.live.never":"从不（仅静态图片）","editor.sections":"显示的部分","editor.cameras":"摄像机（不选则显示全部）","editor.no_cameras":"设置好集成后会显示摄像机列表。","error.config":"配置无效：{detail}","service_error.recipient_region_mismatch":"{person}（{account}）没有使用 {camera} 所在的地区{region}，邀请将永远无法送达。请把{region}加入该账号的地区（重新配置），并把其米家切换到{region}，然后再共享。"},Re={"card.name":"小米攝影機共享","card.description":"以網格顯示小米攝影機：共享、查看誰有權限、處理邀請。","card.loading":"正在載入攝影機…","card.not_configured":"尚未設定小米帳號。請先新增「小米攝影機共享」整合。","card.not_admin":"只有 Home Assistant 管理員可以管理攝影機共享。","card.unavailable":"小米攝影機共享未載入（{error}）。","card.empty":"已設定的小米帳號中沒有攝影機。","card.offline":"無法連線小米雲端（{account}）。顯示的是最近一次的狀態。","card.auth_failed":"{account} 需要重新登入（設定 → 裝置與服務）。","tab.cameras":"攝影機","tab.invites":"邀請","tab.history":"紀錄","tile.online":"在線","tile.offline":"離線","tile.no_access":"未共享","tile.accepted":"{count} 人有權限","tile.pending":"{count} 人待接受","tile.expiring":"{count} 人即將到期","tile.shared_by":"由 {name} 共享","tile.no_entity":"未連結攝影機實體","tile.share":"共享","tile.manage":"管理權限","tile.live":"查看 {name} 的即時畫面","reason.not_owner":"此攝影機是別人共享給你的，只有擁有者可以共享。","reason.model_not_shareable":"此型號的攝影機不支援共享。","reason.sharee_limit":"此攝影機的共享人數已達上限。","reason.no_device":"此攝影機尚未連結 Home Assistant 裝置。","share.title":"共享 {name}","share.recipient_kind":"共享給","share.kind.xiaomi_id":"小米 ID","share.kind.phone":"手機號碼","share.kind.saved":"已儲存的聯絡人","share.kind.account":"Home Assistant 中的帳號","share.recipient":"接收人","share.no_saved":"還沒有儲存的聯絡人。","share.no_accounts":"這裡沒有設定其他帳號。","share.lookup":"查詢","share.looking_up":"正在查詢…","share.found":"找到 {nickname}（{user_id}）","share.save_name":"儲存為聯絡人，名稱","share.save":"儲存","share.saved":"已儲存為「{name}」。","share.save_failed":"無法儲存聯絡人。","share.lookup_failed":"找不到這個接收人。","share.permission":"權限","share.permission.view_only":"僅檢視","share.permission.control":"檢視和控制","share.view_only_unavailable":"此型號不支援僅檢視共享，接收人也可以控制它。","share.duration":"時長","share.duration.permanent":"永久","share.duration.1h":"1 小時","share.duration.4h":"4 小時","share.duration.1d":"1 天","share.duration.1w":"1 週","share.duration.until":"直到…","share.until":"共享截止時間","share.auto_accept":"立即在對方帳號中接受邀請","share.region_warning":"{nickname} 使用的是{their_region}，但此攝影機在{camera_region}。邀請會留在{camera_region}：對方需要把米家切換到{camera_region}才能看到。","share.send":"共享","share.sending":"正在共享…","share.result.invited":"已向 {nickname} 傳送邀請。","share.result.shared":"已共享給 {nickname}。","share.result.error":"共享失敗：{error}","share.result.invite_regions":"只有當對方的米家使用相同的地區時，邀請才會送達：{regions}","share.unavailable":"此攝影機無法共享","dialog.close":"關閉","dialog.cancel":"取消","manage.title":"{name} 的存取權限","manage.empty":"沒有其他人可以存取此攝影機。","manage.status.accepted":"有權限","manage.status.pending":"邀請待接受","manage.since":"自 {time}","manage.expires":"{relative}到期","manage.permanent":"永久","manage.revoke":"撤銷","manage.revoke_label":"撤銷 {name} 的權限","manage.extend":"延長","manage.extend_label":"延長 {name} 的權限","manage.extend.1h":"+1 小時","manage.extend.1d":"+1 天","manage.extend.1w":"+1 週","manage.extend.permanent":"改為永久","invites.empty":"沒有待處理的邀請。","invites.from":"來自 {name}","invites.expires":"{relative}到期","invites.expired":"已過期","invites.waits_in":"位於{region}","invites.region_not_used":"此帳號未使用{region}，在米家中看不到這個邀請。","invites.accept":"接受","invites.decline":"拒絕","invites.accept_label":"接受 {name} 共享的 {camera}","invites.decline_label":"拒絕 {name} 共享的 {camera}","history.empty":"還沒有任何紀錄。","history.more":"載入更早的紀錄","history.loading":"正在載入…","history.invite_sent":"邀請 {nickname} 使用 {camera}","history.share_accepted":"{nickname} 接受了 {camera}","history.share_declined":"{nickname} 拒絕了 {camera}","history.share_revoked":"撤銷了 {nickname} 對 {camera} 的權限","history.share_expired":"{nickname} 對 {camera} 的共享已到期","history.invite_received":"{nickname} 邀請你使用 {camera}","history.invite_accepted":"接受了 {nickname} 共享的 {camera}","history.invite_declined":"拒絕了 {nickname} 共享的 {camera}","history.action_failed":"對 {camera} 的操作失敗：{message}","history.someone":"某人","history.a_camera":"某個攝影機","permission.view_only":"僅檢視","permission.control":"可控制","region.cn":"中國大陸","region.de":"歐洲","region.us":"美國","region.ru":"俄羅斯","region.sg":"新加坡","region.i2":"印度","list.separator":"、","editor.title":"標題","editor.columns":"欄數","editor.live":"即時畫面","editor.live.tap":"點擊時","editor.live.always":"一律","editor.live.never":"從不（僅靜態圖片）","editor.sections":"顯示的部分","editor.cameras":"攝影機（不選則顯示全部）","editor.no_cameras":"設定好整合後會顯示攝影機列表。","error.config":"設定無效：{detail}","service_error.recipient_region_mismatch":"{person}（{account}）沒有使用 {camera} 所在的地區{region}，邀請將永遠無法送達。請把{region}加入該帳號的地區（重新設定），並把其米家切換到{region}，然後再共享。"};function De(e){const t=(e??"en").toLowerCase();return"zh-hant"===t||"zh-tw"===t||"zh-hk"===t||"zh-mo"===t?{strings:Re,tag:"zh-Hant"}:t.startsWith("zh")?{strings:Te,tag:"zh-Hans"}:{strings:Oe,tag:e??"en"}}function Ue(e){return e?.locale?.language??e?.language??"en"}function Ne(e){const{strings:t}=De(e);return(e,i)=>{const s=t[e]??Oe[e];return i?s.replace(/\{(\w+)\}/g,(e,t)=>t in i?String(i[t]):e):s}}let je;function Ie(e,t){customElements.get(e)||customElements.define(e,t)}let Le=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,i){this._$Ct=e,this._$AM=t,this._$Ci=i}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};const{I:Be}=ne,qe=e=>e,We=()=>document.createComment(""),Ke=(e,t,i)=>{const s=e._$AA.parentNode,n=void 0===t?e._$AB:t._$AA;if(void 0===i){const t=s.insertBefore(We(),n),a=s.insertBefore(We(),n);i=new Be(t,a,e,e.options)}else{const t=i._$AB.nextSibling,a=i._$AM,r=a!==e;if(r){let t;i._$AQ?.(e),i._$AM=e,void 0!==i._$AP&&(t=e._$AU)!==a._$AU&&i._$AP(t)}if(t!==n||r){let e=i._$AA;for(;e!==t;){const t=qe(e).nextSibling;qe(s).insertBefore(e,n),e=t}}}return i},Ve=(e,t,i=e)=>(e._$AI(t,i),e),Fe={},Xe=(e,t=Fe)=>e._$AH=t,Je=e=>{e._$AR(),e._$AA.remove()},Ze=(e,t,i)=>{const s=new Map;for(let n=t;n<=i;n++)s.set(e[n],n);return s},Ge=(e=>(...t)=>({_$litDirective$:e,values:t}))(class extends Le{constructor(e){if(super(e),2!==e.type)throw Error("repeat() can only be used in text expressions")}dt(e,t,i){let s;void 0===i?i=t:void 0!==t&&(s=t);const n=[],a=[];let r=0;for(const t of e)n[r]=s?s(t,r):r,a[r]=i(t,r),r++;return{values:a,keys:n}}render(e,t,i){return this.dt(e,t,i).values}update(e,[t,i,s]){const n=(e=>e._$AH)(e),{values:a,keys:r}=this.dt(t,i,s);if(!Array.isArray(n))return this.ut=r,a;const o=this.ut??=[],c=[];let l,d,h=0,p=n.length-1,u=0,m=a.length-1;for(;h<=p&&u<=m;)if(null===n[h])h++;else if(null===n[p])p--;else if(o[h]===r[u])c[u]=Ve(n[h],a[u]),h++,u++;else if(o[p]===r[m])c[m]=Ve(n[p],a[m]),p--,m--;else if(o[h]===r[m])c[m]=Ve(n[h],a[m]),Ke(e,c[m+1],n[h]),h++,m--;else if(o[p]===r[u])c[u]=Ve(n[p],a[u]),Ke(e,n[h],n[p]),p--,u++;else if(void 0===l&&(l=Ze(r,u,m),d=Ze(o,h,p)),l.has(o[h]))if(l.has(o[p])){const t=d.get(r[u]),i=void 0!==t?n[t]:null;if(null===i){const t=Ke(e,n[h]);Ve(t,a[u]),c[u]=t}else c[u]=Ve(i,a[u]),Ke(e,n[h],i),n[t]=null;u++}else Je(n[p]),p--;else Je(n[h]),h++;for(;u<=m;){const t=Ke(e,c[m+1]);Ve(t,a[u]),c[u++]=t}for(;h<=p;){const e=n[h++];null!==e&&Je(e)}return this.ut=r,Xe(e,c),W}});class Qe{constructor(e){this.host=e,this.visible=!1,e.addController(this)}hostConnected(){this.observer=new IntersectionObserver(e=>{const t=e.some(e=>e.isIntersecting);t!==this.visible&&(this.visible=t,this.host.requestUpdate())}),this.observer.observe(this.host)}hostDisconnected(){this.observer?.disconnect(),this.observer=void 0,this.visible=!1}}class Ye extends oe{constructor(){super(...arguments),this.localize=Ne("en"),this.live="tap",this.tappedLive=!1,this.visibility=new Qe(this)}static{this.styles=[Ce,r`
      :host {
        display: flex;
        flex-direction: column;
        border-radius: var(--ha-border-radius-md, 8px);
        overflow: hidden;
        background: var(--secondary-background-color, #f5f5f5);
        min-width: 0;
      }
      .media {
        position: relative;
        aspect-ratio: 16 / 9;
        background: #000;
        border: none;
        padding: 0;
        border-radius: 0;
        width: 100%;
        display: block;
      }
      .media > * {
        width: 100%;
        height: 100%;
        display: block;
      }
      .placeholder {
        display: flex;
        align-items: center;
        justify-content: center;
        color: var(--secondary-text-color, #9e9e9e);
        font-size: 0.9em;
      }
      .info {
        padding: 8px;
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        color: var(--primary-text-color, #212121);
      }
      .state::before {
        content: "";
        display: inline-block;
        width: 8px;
        height: 8px;
        border-radius: 50%;
        margin-inline-end: 4px;
        background: var(--state-inactive-color, var(--disabled-color, #bdbdbd));
      }
      .state.online::before {
        background: var(--success-color, #43a047);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        font-size: 0.85em;
      }
      .chip {
        border-radius: 10px;
        padding: 1px 8px;
        background: var(--card-background-color, #fff);
        color: var(--primary-text-color, #212121);
      }
      .chip.expiring {
        color: var(--warning-color, #ffa600);
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      .reason {
        font-size: 0.8em;
      }
    `]}get streaming(){return"always"===this.live||"tap"===this.live&&this.tappedLive}fire(e){this.dispatchEvent(new CustomEvent(e,{detail:{did:this.camera.did},bubbles:!0,composed:!0}))}render(){const e=this.camera,t=ze(e);return q`
      ${this.renderMedia()}
      <div class="info">
        <div class="name" title=${e.name}>${e.name}</div>
        <div class="state ${e.online?"online":"offline"}">
          ${this.localize(e.online?"tile.online":"tile.offline")}
          ${e.owner?q` · ${this.localize("tile.shared_by",{name:e.owner.nickname})}`:K}
        </div>
        ${this.renderAccess()}
        <div class="actions">
          <button
            class="share"
            ?disabled=${void 0!==t}
            aria-describedby=${t?"reason":K}
            @click=${()=>this.fire("xcs-share")}
          >
            ${this.localize("tile.share")}
          </button>
          <button class="manage" ?disabled=${null!=e.owner} @click=${()=>this.fire("xcs-manage")}>
            ${this.localize("tile.manage")}
          </button>
        </div>
        ${t?q`<div id="reason" class="reason muted">${this.localize(`reason.${t}`)}</div>`:K}
      </div>
    `}renderAccess(){const e=function(e,t){let i=0,s=0,n=0;for(const a of e.sharees)"accepted"===a.status?i+=1:s+=1,Se(a,t)&&(n+=1);return{accepted:i,pending:s,expiringSoon:n}}(this.camera,new Date);return e.accepted||e.pending?q`<div class="chips">
      ${e.accepted?q`<span class="chip accepted">${this.localize("tile.accepted",{count:e.accepted})}</span>`:K}
      ${e.pending?q`<span class="chip pending">${this.localize("tile.pending",{count:e.pending})}</span>`:K}
      ${e.expiringSoon?q`<span class="chip expiring"
              >${this.localize("tile.expiring",{count:e.expiringSoon})}</span
            >`:K}
    </div>`:q`<div class="chips"><span class="chip none">${this.localize("tile.no_access")}</span></div>`}renderMedia(){const e=this.camera.camera_entity;if(!e||!this.stateObj)return q`<div class="media placeholder">${this.localize("tile.no_entity")}</div>`;if(!this.visibility.visible)return q`<div class="media placeholder offscreen"></div>`;if(this.streaming)return q`<div class="media">
        <ha-camera-stream .hass=${this.hass} .stateObj=${this.stateObj} muted></ha-camera-stream>
      </div>`;const t=q`<hui-image
      .hass=${this.hass}
      .cameraImage=${e}
      .cameraView=${"auto"}
      fit-mode="cover"
    ></hui-image>`;return"tap"!==this.live?q`<div class="media">${t}</div>`:q`<button
      class="media"
      aria-label=${this.localize("tile.live",{name:this.camera.name})}
      @click=${()=>this.tappedLive=!0}
    >
      ${t}
    </button>`}}e([he({attribute:!1})],Ye.prototype,"camera",void 0),e([he({attribute:!1})],Ye.prototype,"stateObj",void 0),e([he({attribute:!1})],Ye.prototype,"localize",void 0),e([he()],Ye.prototype,"live",void 0),e([pe()],Ye.prototype,"tappedLive",void 0),Ie("xcs-camera-tile",Ye);class et extends oe{constructor(){super(...arguments),this.cameras=[],this.entityStates={},this.columns=2,this.live="tap",this.localize=Ne("en")}static{this.styles=r`
    :host {
      display: grid;
      grid-template-columns: repeat(var(--xcs-columns, 2), minmax(0, 1fr));
      gap: var(--ha-space-2, 8px);
    }
  `}render(){return this.style.setProperty("--xcs-columns",String(this.columns)),q`${Ge(this.cameras,e=>e.did,e=>q`<xcs-camera-tile
          role="listitem"
          .hass=${this.hass}
          .camera=${e}
          .stateObj=${e.camera_entity?this.entityStates[e.camera_entity]:void 0}
          .live=${this.live}
          .localize=${this.localize}
        ></xcs-camera-tile>`)}`}connectedCallback(){super.connectedCallback(),this.setAttribute("role","list")}}e([he({attribute:!1})],et.prototype,"cameras",void 0),e([he({attribute:!1})],et.prototype,"entityStates",void 0),e([he({type:Number})],et.prototype,"columns",void 0),e([he()],et.prototype,"live",void 0),e([he({attribute:!1})],et.prototype,"localize",void 0),Ie("xcs-camera-grid",et);const tt=["cn","de","us","ru","sg","i2"];function it(e){return"string"==typeof e&&tt.includes(e)}function st(e,t){return it(t)?e(`region.${t}`):t}const nt=new Map([["recipient_region_mismatch",{key:"service_error.recipient_region_mismatch",placeholders:["camera","person","account","region"],regions:["region"]}]]);function at(e,t){const i=e.translationDomain===me&&e.translationKey?nt.get(e.translationKey):void 0,s=e.translationPlaceholders;if(!i||!i.placeholders.every(e=>Object.hasOwn(s,e))||!i.regions.every(e=>it(s[e])))return e.message;const n={...s};for(const e of i.regions)n[e]=st(t,s[e]??"");return t(i.key,n)}function rt(e){const t=[];for(const i of e.querySelectorAll("*"))i.matches("button, input, select, textarea, [href], [tabindex]:not([tabindex='-1'])")&&!i.hasAttribute("disabled")&&i.getClientRects().length>0&&t.push(i),i.shadowRoot&&t.push(...rt(i.shadowRoot));return t}function ot(e,t){if("Tab"!==e.key)return;const i=rt(t),s=i[0],n=i[i.length-1];if(!s||!n)return;const a=t.getRootNode(),r=null!==a.activeElement&&t.contains(a.activeElement),o=function(e){let t=e.activeElement;for(;t?.shadowRoot?.activeElement;)t=t.shadowRoot.activeElement;return t}(a);!e.shiftKey||o!==s&&r?e.shiftKey||o!==n&&r||(e.preventDefault(),s.focus()):(e.preventDefault(),n.focus())}class ct extends oe{constructor(){super(...arguments),this.localize=Ne("en")}static{this.styles=[Ce,Pe,He]}renderFooter(){return K}get language(){return Ue(this.hass)}async firstUpdated(){await this.updateComplete,this.dialog?.showModal()}close(){this.dialog?.close()}onClose(){this.dispatchEvent(new CustomEvent("closed",{bubbles:!0,composed:!0}))}render(){return q`<dialog
      aria-labelledby="heading"
      @close=${this.onClose}
      @keydown=${e=>this.dialog&&ot(e,this.dialog)}
    >
      <header>
        <h2 id="heading">${this.heading()}</h2>
        <button class="close" aria-label=${this.localize("dialog.close")} @click=${this.close}>✕</button>
      </header>
      <div class="body">${this.renderBody()}</div>
      ${this.renderFooter()}
    </dialog>`}}e([he({attribute:!1})],ct.prototype,"localize",void 0),e([ue("dialog")],ct.prototype,"dialog",void 0);const lt=["xiaomi_id","phone","saved","account"],dt="xiaomi_id";class ht extends oe{constructor(){super(...arguments),this.localize=Ne("en"),this.entryId="",this.accounts=[],this.recipients=[],this.kind=dt,this.typed="",this.saved="",this.account="",this.lookup={phase:"idle"},this.saveName="",this.saving={phase:"idle"},this.asked=0}static{this.shadowRootOptions={...oe.shadowRootOptions,delegatesFocus:!0}}static{this.styles=[Ce,He,r`
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .recipient-row {
        display: flex;
        gap: 8px;
      }
      .recipient-row > input,
      .recipient-row > select {
        flex: 1;
        min-width: 0;
      }
    `]}get otherAccounts(){return this.accounts.filter(e=>e.entry_id!==this.entryId)}get query(){switch(this.kind){case"xiaomi_id":case"phone":return this.typed.trim();case"saved":return this.saved;case"account":return this.otherAccounts.find(e=>e.entry_id===this.account)?.user_id??""}}setLookup(e){this.lookup=e;const t="found"===e.phase?{user_id:e.result.user_id,nickname:e.result.nickname}:null,i={kind:this.kind,recipient:t};this.dispatchEvent(new CustomEvent("xcs-recipient-change",{detail:i}))}changed(){this.asked+=1,this.saving={phase:"idle"},this.setLookup({phase:"idle"})}async onLookup(){const e=this.query;if(!this.hass||!e)return;const t=++this.asked;let i;this.setLookup({phase:"looking"});try{i={phase:"found",result:await async function(e,t,i,s){const n=await fe(e,"lookup_recipient",{config_entry_id:t,recipient:i,region:s},!0);if(!n)throw new Error("lookup_recipient returned no response");return n}(this.hass,this.entryId,e,this.region)}}catch{i={phase:"failed"}}t===this.asked&&this.setLookup(i)}recipientRegion(e){const t=e.regions??this.accounts.find(t=>t.user_id===e.user_id)?.regions;return t?.length?t.includes(this.region)?this.region:t[0]:this.recipients.find(t=>t.user_id===e.user_id)?.region??void 0}render(){return q`
      <fieldset>
        <legend>${this.localize("share.recipient_kind")}</legend>
        <select
          id="kind"
          autofocus
          aria-label=${this.localize("share.recipient_kind")}
          .value=${this.kind}
          @change=${e=>{this.kind=e.target.value,this.changed()}}
        >
          ${lt.map(e=>q`<option value=${e} ?selected=${e===this.kind}>${this.localize(`share.kind.${e}`)}</option>`)}
        </select>
      </fieldset>
      <div class="recipient-row">
        ${this.renderInput()}
        <button
          id="lookup"
          ?disabled=${!this.query||"looking"===this.lookup.phase}
          @click=${this.onLookup}
        >
          ${"looking"===this.lookup.phase?this.localize("share.looking_up"):this.localize("share.lookup")}
        </button>
      </div>
      <div aria-live="polite">${this.renderLookup()}</div>
    `}renderInput(){const e=this.localize("share.recipient");return"saved"===this.kind?this.recipients.length?q`<select
        id="recipient"
        aria-label=${e}
        @change=${e=>{this.saved=e.target.value,this.changed()}}
      >
        <option value="" ?selected=${!this.saved}>—</option>
        ${this.recipients.map(e=>q`<option value=${e.name} ?selected=${e.name===this.saved}>${e.name}${e.nickname?` (${e.nickname})`:""}</option>`)}
      </select>`:q`<span class="muted">${this.localize("share.no_saved")}</span>`:"account"===this.kind?this.otherAccounts.length?q`<select
        id="recipient"
        aria-label=${e}
        @change=${e=>{this.account=e.target.value,this.changed()}}
      >
        <option value="" ?selected=${!this.account}>—</option>
        ${this.otherAccounts.map(e=>q`<option value=${e.entry_id} ?selected=${e.entry_id===this.account}>${e.nickname} (${e.user_id})</option>`)}
      </select>`:q`<span class="muted">${this.localize("share.no_accounts")}</span>`:q`<input
      id="recipient"
      aria-label=${e}
      placeholder=${this.localize(`share.kind.${this.kind}`)}
      inputmode=${"phone"===this.kind?"tel":"numeric"}
      autocomplete="off"
      .value=${this.typed}
      @input=${e=>{this.typed=e.target.value,this.changed()}}
      @keydown=${e=>{"Enter"===e.key&&this.onLookup()}}
    />`}renderLookup(){if("failed"===this.lookup.phase)return q`<p class="error">${this.localize("share.lookup_failed")}</p>`;if("found"!==this.lookup.phase)return K;const e=this.lookup.result,t=this.recipientRegion(e);return q`<p class="found">
        ${this.localize("share.found",{nickname:e.nickname,user_id:e.user_id})}
      </p>
      ${t&&t!==this.region?q`<p class="warning region-warning" role="note">
              ${this.localize("share.region_warning",{nickname:e.nickname,their_region:st(this.localize,t),camera_region:st(this.localize,this.region)})}
            </p>`:K}
      ${this.renderSave(e,t)}`}renderSave(e,t){return"xiaomi_id"!==this.kind&&"phone"!==this.kind?K:"saved"===this.saving.phase?q`<p class="saved">${this.localize("share.saved",{name:this.saving.name})}</p>`:q`<div class="recipient-row">
        <input
          id="save-name"
          aria-label=${this.localize("share.save_name")}
          placeholder=${this.localize("share.save_name")}
          .value=${this.saveName}
          @input=${e=>this.saveName=e.target.value}
        />
        <button id="save-recipient" ?disabled=${!this.saveName.trim()} @click=${async()=>{const i=this.saveName.trim();if(this.hass&&i)try{await async function(e,t){await e.callWS({type:ge.saveRecipient,...t})}(this.hass,{name:i,user_id:e.user_id,nickname:e.nickname,region:t??null}),this.saving={phase:"saved",name:i}}catch{this.saving={phase:"failed"}}}}>
          ${this.localize("share.save")}
        </button>
      </div>
      ${"failed"===this.saving.phase?q`<p class="error">${this.localize("share.save_failed")}</p>`:K}`}}e([he({attribute:!1})],ht.prototype,"localize",void 0),e([he({attribute:!1})],ht.prototype,"entryId",void 0),e([he({attribute:!1})],ht.prototype,"region",void 0),e([he({attribute:!1})],ht.prototype,"accounts",void 0),e([he({attribute:!1})],ht.prototype,"recipients",void 0),e([pe()],ht.prototype,"kind",void 0),e([pe()],ht.prototype,"typed",void 0),e([pe()],ht.prototype,"saved",void 0),e([pe()],ht.prototype,"account",void 0),e([pe()],ht.prototype,"lookup",void 0),e([pe()],ht.prototype,"saveName",void 0),e([pe()],ht.prototype,"saving",void 0),Ie("xcs-recipient-picker",ht);const pt={"1h":1,"4h":4,"1d":24,"1w":168},ut=["permanent","1h","4h","1d","1w","until"];function mt(e,t){if("permanent"===e)return{kind:"permanent"};if("until"===e){const e=new Date(t);return Number.isNaN(e.getTime())||e.getTime()<=Date.now()?void 0:{kind:"until",until:e}}return{kind:"hours",hours:pt[e]}}class gt extends ct{constructor(){super(...arguments),this.accounts=[],this.recipients=[],this.picked={kind:dt,recipient:null},this.duration="permanent",this.until="",this.autoAccept=!0,this.sending={phase:"idle"}}heading(){return this.localize("share.title",{name:this.camera.name})}async getUpdateComplete(){const e=await super.getUpdateComplete();return await(this.picker?.updateComplete),e}get chosenPermission(){return this.permission??(this.camera.capabilities.view_only?"view_only":"control")}onRecipientChange(e){this.picked=e.detail,this.sending={phase:"idle"}}async onSend(){const e=mt(this.duration,this.until),t=this.picked.recipient;if(this.hass&&t&&e&&this.camera.device_id){this.sending={phase:"sending"};try{const i=await async function(e,t){const i={device_id:t.deviceIds,recipient:t.recipient,permission:t.permission,...ye(t.duration)};return t.autoAccept&&(i.auto_accept=!0),await fe(e,"share",i,!0)??{results:[],invite_regions:null}}(this.hass,{deviceIds:[this.camera.device_id],recipient:t.user_id,permission:this.chosenPermission,duration:e,autoAccept:"account"===this.picked.kind?this.autoAccept:void 0});this.sending={phase:"done",result:i}}catch(e){this.sending={phase:"failed",error:ve.from(e)}}}}renderBody(){const e=ze(this.camera);return e?q`<p role="alert" class="blocked">
        <strong>${this.localize("share.unavailable")}</strong><br />${this.localize(`reason.${e}`)}
      </p>`:q`
      <xcs-recipient-picker
        autofocus
        .hass=${this.hass}
        .localize=${this.localize}
        .entryId=${this.camera.entry_id}
        .region=${this.camera.region}
        .accounts=${this.accounts}
        .recipients=${this.recipients}
        @xcs-recipient-change=${this.onRecipientChange}
      ></xcs-recipient-picker>
      ${this.renderPermission()} ${this.renderDuration()}
      ${"account"===this.picked.kind?q`<label
              ><input
                type="checkbox"
                id="auto-accept"
                .checked=${this.autoAccept}
                @change=${e=>this.autoAccept=e.target.checked}
              />
              ${this.localize("share.auto_accept")}</label
            >`:K}
      <div aria-live="polite">${this.renderResult()}</div>
    `}renderPermission(){const e=this.camera.capabilities.view_only,t=e=>()=>this.permission=e;return q`<fieldset>
      <legend>${this.localize("share.permission")}</legend>
      <label
        ><input
          type="radio"
          name="permission"
          value="view_only"
          ?disabled=${!e}
          aria-describedby=${e?K:"view-only-note"}
          .checked=${"view_only"===this.chosenPermission}
          @change=${t("view_only")}
        />
        ${this.localize("share.permission.view_only")}</label
      >
      <label
        ><input
          type="radio"
          name="permission"
          value="control"
          .checked=${"control"===this.chosenPermission}
          @change=${t("control")}
        />
        ${this.localize("share.permission.control")}</label
      >
      ${e?K:q`<p id="view-only-note" class="muted">${this.localize("share.view_only_unavailable")}</p>`}
    </fieldset>`}renderDuration(){return q`<fieldset>
      <legend>${this.localize("share.duration")}</legend>
      <select
        id="duration"
        aria-label=${this.localize("share.duration")}
        @change=${e=>this.duration=e.target.value}
      >
        ${ut.map(e=>q`<option value=${e} ?selected=${e===this.duration}>${this.localize(`share.duration.${e}`)}</option>`)}
      </select>
      ${"until"===this.duration?q`<input
              id="until"
              type="datetime-local"
              aria-label=${this.localize("share.until")}
              .value=${this.until}
              @input=${e=>this.until=e.target.value}
            />`:K}
    </fieldset>`}renderResult(){const e=this.sending;if("sending"===e.phase)return q`<p class="progress" role="status">${this.localize("share.sending")}</p>`;if("failed"===e.phase)return q`<p class="error result">
        ${this.localize("share.result.error",{error:at(e.error,this.localize)})}
      </p>`;if("done"!==e.phase||!this.picked.recipient)return K;const t=e.result.recipient?.nickname??this.picked.recipient.nickname,i=e.result.results.find(e=>e.did===this.camera.did),s="accepted"===i?.status?"share.result.shared":"share.result.invited",n=e.result.invite_regions;return q`<p class="result">${this.localize(s,{nickname:t})}</p>
      ${n?.length?q`<p class="warning region-note">
              ${this.localize("share.result.invite_regions",{regions:(a=this.localize,r=n,r.map(e=>st(a,e)).join(a("list.separator")))})}
            </p>`:K}`;var a,r}renderFooter(){const e="done"===this.sending.phase,t=!ze(this.camera)&&null!==this.picked.recipient&&"sending"!==this.sending.phase&&!e&&void 0!==mt(this.duration,this.until);return q`<footer>
      <button id="cancel" @click=${this.close}>
        ${this.localize(e?"dialog.close":"dialog.cancel")}
      </button>
      ${e?K:q`<button id="send" class="primary" ?disabled=${!t} @click=${this.onSend}>${this.localize("share.send")}</button>`}
    </footer>`}}e([he({attribute:!1})],gt.prototype,"camera",void 0),e([he({attribute:!1})],gt.prototype,"accounts",void 0),e([he({attribute:!1})],gt.prototype,"recipients",void 0),e([pe()],gt.prototype,"picked",void 0),e([pe()],gt.prototype,"permission",void 0),e([pe()],gt.prototype,"duration",void 0),e([pe()],gt.prototype,"until",void 0),e([pe()],gt.prototype,"autoAccept",void 0),e([pe()],gt.prototype,"sending",void 0),e([ue("xcs-recipient-picker")],gt.prototype,"picker",void 0),Ie("xcs-share-dialog",gt);const vt=[["day",864e5],["hour",36e5],["minute",6e4]];function ft(e,t,i){const s=new Intl.RelativeTimeFormat(De(i).tag,{numeric:"auto"}),n=e.getTime()-t.getTime();for(const[e,t]of vt)if(Math.abs(n)>=t||"minute"===e)return s.format(Math.round(n/t),e);return s.format(0,"minute")}function yt(e,t){return new Intl.DateTimeFormat(De(t).tag,{dateStyle:"medium",timeStyle:"short"}).format(e)}const $t=[{key:"manage.extend.1h",hours:1},{key:"manage.extend.1d",hours:24},{key:"manage.extend.1w",hours:168}];function _t(e,t,i){const s=Math.max(new Date(e).getTime(),i.getTime());return new Date(s+36e5*t)}class bt extends ct{constructor(){super(...arguments),this.now=new Date,this.busy=new Set}static{this.styles=[...ct.styles,Me,r`
      .name {
        font-weight: 500;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin-top: 6px;
      }
    `]}connectedCallback(){super.connectedCallback(),this.timer=window.setInterval(()=>this.now=new Date,3e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.timer)}heading(){return this.localize("manage.title",{name:this.camera.name})}async run(e,t){this.busy=new Set(this.busy).add(e);try{await t()}catch{}finally{const t=new Set(this.busy);t.delete(e),this.busy=t}}revoke(e){const t=this.hass,i=this.camera.device_id;t&&i&&this.run(e.user_id,()=>async function(e,t,i){await fe(e,"revoke",{device_id:[t],recipient:i},!1)}(t,i,e.user_id))}extend(e,t){const i=this.hass,s=this.camera.device_id;i&&s&&this.run(e.user_id,()=>async function(e,t,i,s){const n={device_id:[t],recipient:i,...ye(s)};await fe(e,"set_expiry",n,!1)}(i,s,e.user_id,t))}renderBody(){return this.camera.sharees.length?q`<ul>
      ${this.camera.sharees.map(e=>this.renderSharee(e))}
    </ul>`:q`<p class="muted">${this.localize("manage.empty")}</p>`}renderSharee(e){const t=e.recipient_name??e.nickname,i=this.busy.has(e.user_id),s=Boolean(this.camera.device_id)&&!i,n=e.expires_at;return q`<li data-user=${e.user_id}>
      <div class="name">
        ${t}${e.recipient_name?q` <span class="muted">(${e.nickname})</span>`:K}
      </div>
      <div class="status">
        ${this.localize(`manage.status.${e.status}`)} ·
        ${this.localize(`permission.${e.permission}`)}
        ${e.since?q` ·
              ${this.localize("manage.since",{time:yt(new Date(e.since),this.language)})}`:K}
      </div>
      <div class="expiry">
        ${n?this.localize("manage.expires",{relative:ft(new Date(n),this.now,this.language)}):this.localize("manage.permanent")}
      </div>
      <div class="actions" role="group" aria-label=${this.localize("manage.extend_label",{name:t})}>
        ${n?q`${$t.map(({key:t,hours:i})=>q`<button
                      class="extend"
                      data-hours=${i}
                      ?disabled=${!s}
                      @click=${()=>this.extend(e,{kind:"until",until:_t(n,i,new Date)})}
                    >
                      ${this.localize(t)}
                    </button>`)}
                <button
                  class="permanent"
                  ?disabled=${!s}
                  @click=${()=>this.extend(e,{kind:"permanent"})}
                >
                  ${this.localize("manage.extend.permanent")}
                </button>`:K}
        <button
          class="revoke danger"
          ?disabled=${!s}
          aria-label=${this.localize("manage.revoke_label",{name:t})}
          @click=${()=>this.revoke(e)}
        >
          ${this.localize("manage.revoke")}
        </button>
      </div>
    </li>`}}e([he({attribute:!1})],bt.prototype,"camera",void 0),e([pe()],bt.prototype,"now",void 0),e([pe()],bt.prototype,"busy",void 0),Ie("xcs-manage-dialog",bt);class wt extends oe{constructor(){super(...arguments),this.invites=[],this.accounts=[],this.localize=Ne("en"),this.busy=new Set}static{this.styles=[Ce,Me,r`
      li {
        color: var(--primary-text-color, #212121);
      }
      .camera {
        font-weight: 500;
      }
      .actions {
        display: flex;
        gap: 6px;
        margin-top: 6px;
      }
    `]}async answer(e,t){if(this.hass){this.busy=new Set(this.busy).add(e.invite_id);try{await async function(e,t,i,s){const n=s?"accept_invite":"decline_invite";await fe(e,n,{config_entry_id:t,invite_id:i},!1)}(this.hass,e.entry_id,e.invite_id,t)}catch{}finally{const t=new Set(this.busy);t.delete(e.invite_id),this.busy=t}}}render(){return this.invites.length?q`<ul>
      ${this.invites.map(e=>this.renderInvite(e))}
    </ul>`:q`<p class="muted empty">${this.localize("invites.empty")}</p>`}renderInvite(e){const t=this.localize,i=t(`region.${e.region}`),s=this.accounts.find(t=>t.entry_id===e.entry_id),n={camera:e.device_name,name:e.sender_name},a="pending"===e.status,r=this.busy.has(e.invite_id);return q`<li data-invite=${e.invite_id}>
      <div class="camera">${e.device_name} <span class="muted">${e.model}</span></div>
      <div>
        ${t("invites.from",{name:e.sender_name})} ·
        ${t(`permission.${e.permission}`)} ${s?q` · → ${s.nickname}`:K}
      </div>
      <div class="muted">
        ${t("invites.waits_in",{region:i})}
        ${a&&e.expires_at?q` ·
              ${t("invites.expires",{relative:ft(new Date(e.expires_at),new Date,Ue(this.hass))})}`:K}
        ${a?K:q` · ${t("invites.expired")}`}
      </div>
      ${!1===e.region_in_use?q`<div class="warning region-note">${t("invites.region_not_used",{region:i})}</div>`:K}
      ${a?q`<div class="actions">
              <button
                class="accept primary"
                ?disabled=${r}
                aria-label=${t("invites.accept_label",n)}
                @click=${()=>this.answer(e,!0)}
              >
                ${t("invites.accept")}
              </button>
              <button
                class="decline"
                ?disabled=${r}
                aria-label=${t("invites.decline_label",n)}
                @click=${()=>this.answer(e,!1)}
              >
                ${t("invites.decline")}
              </button>
            </div>`:K}
    </li>`}}e([he({attribute:!1})],wt.prototype,"invites",void 0),e([he({attribute:!1})],wt.prototype,"accounts",void 0),e([he({attribute:!1})],wt.prototype,"localize",void 0),e([pe()],wt.prototype,"busy",void 0),Ie("xcs-invites-view",wt);class xt extends oe{constructor(){super(...arguments),this.recent=[],this.localize=Ne("en"),this.older=[],this.hasMore=!0,this.loading=!1}static{this.styles=[Ce,r`
      ol {
        list-style: none;
        margin: 0 0 8px;
        padding: 0;
      }
      li {
        padding: 6px 0;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
        color: var(--primary-text-color, #212121);
      }
      time {
        display: block;
        font-size: 0.8em;
      }
    `]}willUpdate(e){e.has("recent")&&!this.older.length&&(this.hasMore=this.recent.length>=20)}get entries(){const e=new Map;for(const t of[...this.recent,...this.older])e.set(t.id,t);return[...e.values()].sort((e,t)=>t.id-e.id)}async loadMore(){if(!this.hass)return;const e=this.entries[this.entries.length-1];this.loading=!0;try{const t=await async function(e,t){const i=await e.callWS({type:ge.history,limit:20,...void 0===t?{}:{before_id:t}});return{entries:i.entries,has_more:i.has_more??i.entries.length>=20}}(this.hass,e?.id);this.older=[...this.older,...t.entries],this.hasMore=t.has_more}finally{this.loading=!1}}describe(e){return this.localize(`history.${e.type}`,{nickname:e.nickname??e.user_id??this.localize("history.someone"),camera:e.camera_name??this.localize("history.a_camera"),message:e.message??""})}render(){const e=this.entries;if(!e.length&&!this.hasMore)return q`<p class="muted empty">${this.localize("history.empty")}</p>`;const t=Ue(this.hass);return q`<ol aria-busy=${this.loading?"true":"false"}>
        ${e.map(e=>q`<li data-id=${e.id} class=${e.type}>
              ${this.describe(e)}
              <time class="muted" datetime=${e.time}
                >${yt(new Date(e.time),t)}</time
              >
            </li>`)}
      </ol>
      ${this.hasMore?q`<button class="more" ?disabled=${this.loading} @click=${this.loadMore}>
              ${this.localize(this.loading?"history.loading":"history.more")}
            </button>`:K}`}}e([he({attribute:!1})],xt.prototype,"recent",void 0),e([he({attribute:!1})],xt.prototype,"localize",void 0),e([pe()],xt.prototype,"older",void 0),e([pe()],xt.prototype,"hasMore",void 0),e([pe()],xt.prototype,"loading",void 0),Ie("xcs-history-view",xt);const kt=`${we}-editor`;class At extends oe{constructor(){super(...arguments),this.tab="cameras",this.entityStates={},this.localize=Ne("en"),this.stateController=new be(this)}static{this.styles=[Ce,r`
      ha-card {
        display: block;
        padding: var(--ha-space-4, 16px);
        color: var(--primary-text-color, #212121);
        background: var(--ha-card-background, var(--card-background-color, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
      }
      h1 {
        margin: 0 0 8px;
        font-size: var(--ha-card-header-font-size, 1.3em);
        font-weight: 400;
        color: var(--ha-card-header-color, var(--primary-text-color, #212121));
      }
      [role="tablist"] {
        display: flex;
        gap: 4px;
        margin-bottom: 12px;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      [role="tab"] {
        border: none;
        border-radius: 0;
        border-bottom: 2px solid transparent;
        color: var(--secondary-text-color, #727272);
      }
      [role="tab"][aria-selected="true"] {
        color: var(--primary-color, #03a9f4);
        border-bottom-color: var(--primary-color, #03a9f4);
      }
      .banner {
        padding: 8px 12px;
        margin-bottom: 8px;
        border-radius: var(--ha-border-radius-md, 8px);
        background: var(--secondary-background-color, #f5f5f5);
        border-inline-start: 4px solid var(--warning-color, #ffa600);
      }
      .banner.error {
        border-inline-start-color: var(--error-color, #db4437);
        color: var(--primary-text-color, #212121);
      }
      .message {
        color: var(--secondary-text-color, #727272);
      }
    `]}static async getConfigElement(){return await Promise.resolve().then(function(){return zt}),document.createElement(kt)}static getStubConfig(){return{type:`custom:${we}`}}get hass(){return this.currentHass}set hass(e){const t=this.currentHass;this.currentHass=e,this.stateController.setHass(e),t||(customElements.get("hui-image")?Promise.resolve():je??=(async()=>{const e=await(window.loadCardHelpers?.());e&&(e.createCardElement({type:"picture-glance",entities:[],camera_image:"camera.side_load"}),await customElements.whenDefined("hui-image"))})().catch(()=>{}),this.requestUpdate()),Ue(t)!==Ue(e)&&(this.localize=Ne(Ue(e))),this.refreshEntityStates()}setConfig(e){try{this.config=function(e){if(!e||"object"!=typeof e||Array.isArray(e))throw new Ae("the configuration must be a mapping");const t=e,i=new Set(["type","title","cameras","columns","live","sections","view_layout","grid_options","visibility"]),s=Object.keys(t).filter(e=>!i.has(e));if(s.length)throw new Ae(`unknown option ${s.map(e=>`"${e}"`).join(", ")}`);if("string"!=typeof t.type)throw new Ae('"type" is required');if(void 0!==t.title&&"string"!=typeof t.title)throw new Ae('"title" must be text');if(void 0!==t.cameras&&(n=t.cameras,!Array.isArray(n)||!n.every(e=>"string"==typeof e&&e.length>0)))throw new Ae('"cameras" must be a list of camera ids or camera entities');var n;const a=t.columns??2;if("number"!=typeof a||!Number.isInteger(a)||a<1||a>6)throw new Ae('"columns" must be a whole number from 1 to 6');const r=t.live??"tap";if(!xe.includes(r))throw new Ae(`"live" must be one of ${xe.join(", ")}`);const o=t.sections??[...ke];if(!Array.isArray(o)||!o.every(e=>ke.includes(e)))throw new Ae(`"sections" may list ${ke.join(", ")}`);if(0===o.length)throw new Ae('"sections" must list at least one section');return{...t,type:t.type,columns:a,live:r,sections:o,...t.cameras?{cameras:t.cameras}:{}}}(e)}catch(e){if(e instanceof Ae)throw new Error(Ne(Ue(this.currentHass))("error.config",{detail:e.message}));throw e}this.config.sections.includes(this.tab)||(this.tab=this.config.sections[0]??"cameras"),this.refreshEntityStates()}getCardSize(){const e=this.shownCameras.length||1;return 1+4*Math.ceil(e/(this.config?.columns??2))}getGridOptions(){return{columns:12,min_columns:6,rows:"auto",min_rows:4}}get shownCameras(){return Ee(this.stateController.document?.cameras??[],this.config?.cameras)}refreshEntityStates(){const e=this.currentHass?.states;if(!e)return;const t={};let i=!1;for(const s of this.shownCameras){const n=s.camera_entity;n&&(t[n]=e[n],this.entityStates[n]!==t[n]&&(i=!0))}(i||Object.keys(t).length!==Object.keys(this.entityStates).length)&&(this.entityStates=t)}willUpdate(e){this.stateController.document!==this.seenDocument&&(this.seenDocument=this.stateController.document,this.refreshEntityStates())}render(){const e=this.config;return e?q`<ha-card>
      ${e.title?q`<h1>${e.title}</h1>`:K} ${this.renderContent(e)}
    </ha-card>`:q``}renderContent(e){const t=this.localize,i=this.stateController.error;if(i){const e="unauthorized"===i?t("card.not_admin"):t("card.unavailable",{error:i});return q`<p class="message error" role="alert">${e}</p>`}const s=this.stateController.document;return s?s.accounts.length?q`${this.renderBanners(s)} ${this.renderTabs(e,s)}
      <div role="tabpanel" aria-labelledby="tab-${this.tab}">${this.renderSection(e,s)}</div>
      ${this.renderDialog(s)}`:q`<p class="message not-configured">${t("card.not_configured")}</p>`:q`<p class="message loading" role="status">${t("card.loading")}</p>`}renderBanners(e){return q`${e.accounts.filter(e=>"ok"!==e.status).map(e=>"offline"===e.status?q`<div class="banner offline" role="status">
              ${this.localize("card.offline",{account:e.nickname})}
            </div>`:q`<div class="banner error auth-failed" role="alert">
              ${this.localize("card.auth_failed",{account:e.nickname})}
            </div>`)}`}renderTabs(e,t){if(e.sections.length<2)return K;const i=t.invites.filter(e=>"pending"===e.status).length;return q`<div
      role="tablist"
      @keydown=${t=>this.onTabKey(t,e.sections)}
    >
      ${e.sections.map(e=>q`<button
            role="tab"
            id="tab-${e}"
            aria-selected=${e===this.tab?"true":"false"}
            tabindex=${e===this.tab?0:-1}
            @click=${()=>this.tab=e}
          >
            ${this.localize(`tab.${e}`)}${"invites"===e&&i?` (${i})`:""}
          </button>`)}
    </div>`}async onTabKey(e,t){const i={ArrowRight:1,ArrowLeft:-1}[e.key];if(!i)return;e.preventDefault();const s=t.indexOf(this.tab);this.tab=t[(s+i+t.length)%t.length]??this.tab,await this.updateComplete,this.shadowRoot?.querySelector(`#tab-${this.tab}`)?.focus()}renderSection(e,t){switch(this.tab){case"invites":return q`<xcs-invites-view
          .hass=${this.currentHass}
          .invites=${t.invites}
          .accounts=${t.accounts}
          .localize=${this.localize}
        ></xcs-invites-view>`;case"history":return q`<xcs-history-view
          .hass=${this.currentHass}
          .recent=${t.history}
          .localize=${this.localize}
        ></xcs-history-view>`;case"cameras":{const t=this.shownCameras;return t.length?q`<xcs-camera-grid
          .hass=${this.currentHass}
          .cameras=${t}
          .entityStates=${this.entityStates}
          .columns=${e.columns}
          .live=${e.live}
          .localize=${this.localize}
          @xcs-share=${e=>this.dialog={kind:"share",did:e.detail.did}}
          @xcs-manage=${e=>this.dialog={kind:"manage",did:e.detail.did}}
        ></xcs-camera-grid>`:q`<p class="message empty">${this.localize("card.empty")}</p>`}}}renderDialog(e){const t=this.dialog,i=t&&e.cameras.find(e=>e.did===t.did);if(!t||!i)return K;const s=()=>{this.dialog=void 0};return"share"===t.kind?q`<xcs-share-dialog
        .hass=${this.currentHass}
        .camera=${i}
        .accounts=${e.accounts}
        .recipients=${e.recipients}
        .localize=${this.localize}
        @closed=${s}
      ></xcs-share-dialog>`:q`<xcs-manage-dialog
      .hass=${this.currentHass}
      .camera=${i}
      .localize=${this.localize}
      @closed=${s}
    ></xcs-manage-dialog>`}}e([pe()],At.prototype,"config",void 0),e([pe()],At.prototype,"tab",void 0),e([pe()],At.prototype,"dialog",void 0),e([pe()],At.prototype,"entityStates",void 0),e([pe()],At.prototype,"localize",void 0),Ie(we,At),window.customCards??=[],window.customCards.some(e=>e.type===we)||window.customCards.push(function(){const e=Ne(navigator.language);return{type:we,name:e("card.name"),description:e("card.description"),preview:!1,getEntitySuggestion:(e,t)=>t.startsWith("camera.")?{config:{type:`custom:${we}`,cameras:[t]}}:null}}());class St extends oe{constructor(){super(...arguments),this.config={type:`custom:${we}`},this.language="en",this.stateController=new be(this)}static{this.styles=[Ce,He,r`
      :host {
        display: flex;
        flex-direction: column;
        gap: 16px;
        color: var(--primary-text-color, #212121);
      }
    `]}get hass(){return this.currentHass}set hass(e){this.currentHass=e,this.stateController.setHass(e),this.language=Ue(e)}setConfig(e){this.config=e}change(e,t){const i={...this.config,[e]:t};var s;(void 0===t||Array.isArray(t)&&"cameras"===e&&0===t.length)&&delete i[e],this.config=i,s={config:i},this.dispatchEvent(new CustomEvent("config-changed",{detail:s,bubbles:!0,composed:!0}))}toggleCamera(e,t,i){const s=this.config.cameras,n=new Set(s?Ee(e,s).map(e=>e.did):[]);i?n.add(t):n.delete(t),this.change("cameras",e.map(e=>e.did).filter(e=>n.has(e)))}render(){const e=Ne(this.language),t=this.config,i=t.sections??[...ke],s=this.stateController.document?.cameras??[],n=new Set(Ee(s,t.cameras).map(e=>e.did));return t.cameras||n.clear(),q`
      <label class="field"
        >${e("editor.title")}
        <input
          id="title"
          .value=${"string"==typeof t.title?t.title:""}
          @change=${e=>this.change("title",e.target.value||void 0)}
      /></label>
      <label class="field"
        >${e("editor.columns")}
        <input
          id="columns"
          type="number"
          min="1"
          max=${6}
          .value=${String(t.columns??2)}
          @change=${e=>{const t=Number(e.target.value);Number.isInteger(t)&&t>=1&&t<=6&&this.change("columns",t)}}
      /></label>
      <label class="field"
        >${e("editor.live")}
        <select
          id="live"
          @change=${e=>this.change("live",e.target.value)}
        >
          ${xe.map(i=>q`<option value=${i} ?selected=${i===(t.live??"tap")}>
                ${e(`editor.live.${i}`)}
              </option>`)}
        </select></label
      >
      <fieldset>
        <legend>${e("editor.sections")}</legend>
        ${ke.map(t=>q`<label
              ><input
                type="checkbox"
                name="section"
                value=${t}
                .checked=${i.includes(t)}
                ?disabled=${1===i.length&&i.includes(t)}
                @change=${e=>{const s=e.target.checked;this.change("sections",ke.filter(e=>e===t?s:i.includes(e)))}}
              />
              ${e(`tab.${t}`)}</label
            >`)}
      </fieldset>
      <fieldset>
        <legend>${e("editor.cameras")}</legend>
        ${s.length?s.map(e=>q`<label
                    ><input
                      type="checkbox"
                      name="camera"
                      value=${e.did}
                      .checked=${n.has(e.did)}
                      @change=${t=>{const i=t.target.checked;this.toggleCamera(s,e.did,i)}}
                    />
                    ${e.name}</label
                  >`):q`<span class="muted">${e("editor.no_cameras")}</span>`}
      </fieldset>
      ${K}
    `}}e([pe()],St.prototype,"config",void 0),e([pe()],St.prototype,"language",void 0),Ie(`${we}-editor`,St);var zt=Object.freeze({__proto__:null,CardEditor:St});export{kt as EDITOR_TAG,At as XiaomiCameraShareCard};
