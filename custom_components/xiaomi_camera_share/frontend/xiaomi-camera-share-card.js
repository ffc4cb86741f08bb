function e(e,t,i,s){var n,a=arguments.length,r=a<3?t:null===s?s=Object.getOwnPropertyDescriptor(t,i):s;if("object"==typeof Reflect&&"function"==typeof Reflect.decorate)r=Reflect.decorate(e,t,i,s);else for(var o=e.length-1;o>=0;o--)(n=e[o])&&(r=(a<3?n(r):a>3?n(t,i,r):n(t,i))||r);return a>3&&r&&Object.defineProperty(t,i,r),r}"function"==typeof SuppressedError&&SuppressedError;const t=globalThis,i=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,s=Symbol(),n=new WeakMap;let a=class{constructor(e,t,i){if(this._$cssResult$=!0,i!==s)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o;const t=this.t;if(i&&void 0===e){const i=void 0!==t&&1===t.length;i&&(e=n.get(t)),void 0===e&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),i&&n.set(t,e))}return e}toString(){return this.cssText}};const r=(e,...t)=>{const i=1===e.length?e[0]:t.reduce((t,i,s)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if("number"==typeof e)return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+e[s+1],e[0]);return new a(i,e,s)},o=i?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t="";for(const i of e.cssRules)t+=i.cssText;return(e=>new a("string"==typeof e?e:e+"",void 0,s))(t)})(e):e,{is:c,defineProperty:l,getOwnPropertyDescriptor:h,getOwnPropertyNames:d,getOwnPropertySymbols:u,getPrototypeOf:p}=Object,m=globalThis,v=m.trustedTypes,g=v?v.emptyScript:"",f=m.reactiveElementPolyfillSupport,y=(e,t)=>e,$={toAttribute(e,t){switch(t){case Boolean:e=e?g:null;break;case Object:case Array:e=null==e?e:JSON.stringify(e)}return e},fromAttribute(e,t){let i=e;switch(t){case Boolean:i=null!==e;break;case Number:i=null===e?null:Number(e);break;case Object:case Array:try{i=JSON.parse(e)}catch(e){i=null}}return i}},b=(e,t)=>!c(e,t),_={attribute:!0,type:String,converter:$,reflect:!1,useDefault:!1,hasChanged:b};Symbol.metadata??=Symbol("metadata"),m.litPropertyMetadata??=new WeakMap;let w=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=_){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){const i=Symbol(),s=this.getPropertyDescriptor(e,i,t);void 0!==s&&l(this.prototype,e,s)}}static getPropertyDescriptor(e,t,i){const{get:s,set:n}=h(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:s,set(t){const a=s?.call(this);n?.call(this,t),this.requestUpdate(e,a,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??_}static _$Ei(){if(this.hasOwnProperty(y("elementProperties")))return;const e=p(this);e.finalize(),void 0!==e.l&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(y("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(y("properties"))){const e=this.properties,t=[...d(e),...u(e)];for(const i of t)this.createProperty(i,e[i])}const e=this[Symbol.metadata];if(null!==e){const t=litPropertyMetadata.get(e);if(void 0!==t)for(const[e,i]of t)this.elementProperties.set(e,i)}this._$Eh=new Map;for(const[e,t]of this.elementProperties){const i=this._$Eu(e,t);void 0!==i&&this._$Eh.set(i,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const t=[];if(Array.isArray(e)){const i=new Set(e.flat(1/0).reverse());for(const e of i)t.unshift(o(e))}else void 0!==e&&t.push(o(e));return t}static _$Eu(e,t){const i=t.attribute;return!1===i?void 0:"string"==typeof i?i:"string"==typeof e?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),void 0!==this.renderRoot&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=new Map,t=this.constructor.elementProperties;for(const i of t.keys())this.hasOwnProperty(i)&&(e.set(i,this[i]),delete this[i]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return((e,s)=>{if(i)e.adoptedStyleSheets=s.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(const i of s){const s=document.createElement("style"),n=t.litNonce;void 0!==n&&s.setAttribute("nonce",n),s.textContent=i.cssText,e.appendChild(s)}})(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,i){this._$AK(e,i)}_$ET(e,t){const i=this.constructor.elementProperties.get(e),s=this.constructor._$Eu(e,i);if(void 0!==s&&!0===i.reflect){const n=(void 0!==i.converter?.toAttribute?i.converter:$).toAttribute(t,i.type);this._$Em=e,null==n?this.removeAttribute(s):this.setAttribute(s,n),this._$Em=null}}_$AK(e,t){const i=this.constructor,s=i._$Eh.get(e);if(void 0!==s&&this._$Em!==s){const e=i.getPropertyOptions(s),n="function"==typeof e.converter?{fromAttribute:e.converter}:void 0!==e.converter?.fromAttribute?e.converter:$;this._$Em=s;const a=n.fromAttribute(t,e.type);this[s]=a??this._$Ej?.get(s)??a,this._$Em=null}}requestUpdate(e,t,i,s=!1,n){if(void 0!==e){const a=this.constructor;if(!1===s&&(n=this[e]),i??=a.getPropertyOptions(e),!((i.hasChanged??b)(n,t)||i.useDefault&&i.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,i))))return;this.C(e,t,i)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:i,reflect:s,wrapped:n},a){i&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==n||void 0!==a)||(this._$AL.has(e)||(this.hasUpdated||i||(t=void 0),this._$AL.set(e,t)),!0===s&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}const e=this.scheduleUpdate();return null!=e&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}const e=this.constructor.elementProperties;if(e.size>0)for(const[t,i]of e){const{wrapped:e}=i,s=this[t];!0!==e||this._$AL.has(t)||void 0===s||this.C(t,void 0,i,s)}}let e=!1;const t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[y("elementProperties")]=new Map,w[y("finalized")]=new Map,f?.({ReactiveElement:w}),(m.reactiveElementVersions??=[]).push("2.1.2");const k=globalThis,x=e=>e,A=k.trustedTypes,S=A?A.createPolicy("lit-html",{createHTML:e=>e}):void 0,z="$lit$",E=`lit$${Math.random().toFixed(9).slice(2)}$`,C="?"+E,T=`<${C}>`,P=document,D=()=>P.createComment(""),M=e=>null===e||"object"!=typeof e&&"function"!=typeof e,O=Array.isArray,H="[ \t\n\f\r]",U=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,R=/-->/g,N=/>/g,j=RegExp(`>|${H}(?:([^\\s"'>=/]+)(${H}*=${H}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,"g"),I=/'/g,L=/"/g,B=/^(?:script|style|textarea|title)$/i,q=(e,...t)=>({_$litType$:1,strings:e,values:t}),W=Symbol.for("lit-noChange"),F=Symbol.for("lit-nothing"),V=new WeakMap,K=P.createTreeWalker(P,129);function Z(e,t){if(!O(e)||!e.hasOwnProperty("raw"))throw Error("invalid template strings array");return void 0!==S?S.createHTML(t):t}class X{constructor({strings:e,_$litType$:t},i){let s;this.parts=[];let n=0,a=0;const r=e.length-1,o=this.parts,[c,l]=((e,t)=>{const i=e.length-1,s=[];let n,a=2===t?"<svg>":3===t?"<math>":"",r=U;for(let t=0;t<i;t++){const i=e[t];let o,c,l=-1,h=0;for(;h<i.length&&(r.lastIndex=h,c=r.exec(i),null!==c);)h=r.lastIndex,r===U?"!--"===c[1]?r=R:void 0!==c[1]?r=N:void 0!==c[2]?(B.test(c[2])&&(n=RegExp("</"+c[2],"g")),r=j):void 0!==c[3]&&(r=j):r===j?">"===c[0]?(r=n??U,l=-1):void 0===c[1]?l=-2:(l=r.lastIndex-c[2].length,o=c[1],r=void 0===c[3]?j:'"'===c[3]?L:I):r===L||r===I?r=j:r===R||r===N?r=U:(r=j,n=void 0);const d=r===j&&e[t+1].startsWith("/>")?" ":"";a+=r===U?i+T:l>=0?(s.push(o),i.slice(0,l)+z+i.slice(l)+E+d):i+E+(-2===l?t:d)}return[Z(e,a+(e[i]||"<?>")+(2===t?"</svg>":3===t?"</math>":"")),s]})(e,t);if(this.el=X.createElement(c,i),K.currentNode=this.el.content,2===t||3===t){const e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;null!==(s=K.nextNode())&&o.length<r;){if(1===s.nodeType){if(s.hasAttributes())for(const e of s.getAttributeNames())if(e.endsWith(z)){const t=l[a++],i=s.getAttribute(e).split(E),r=/([.?@])?(.*)/.exec(t);o.push({type:1,index:n,name:r[2],strings:i,ctor:"."===r[1]?ee:"?"===r[1]?te:"@"===r[1]?ie:Y}),s.removeAttribute(e)}else e.startsWith(E)&&(o.push({type:6,index:n}),s.removeAttribute(e));if(B.test(s.tagName)){const e=s.textContent.split(E),t=e.length-1;if(t>0){s.textContent=A?A.emptyScript:"";for(let i=0;i<t;i++)s.append(e[i],D()),K.nextNode(),o.push({type:2,index:++n});s.append(e[t],D())}}}else if(8===s.nodeType)if(s.data===C)o.push({type:2,index:n});else{let e=-1;for(;-1!==(e=s.data.indexOf(E,e+1));)o.push({type:7,index:n}),e+=E.length-1}n++}}static createElement(e,t){const i=P.createElement("template");return i.innerHTML=e,i}}function J(e,t,i=e,s){if(t===W)return t;let n=void 0!==s?i._$Co?.[s]:i._$Cl;const a=M(t)?void 0:t._$litDirective$;return n?.constructor!==a&&(n?._$AO?.(!1),void 0===a?n=void 0:(n=new a(e),n._$AT(e,i,s)),void 0!==s?(i._$Co??=[])[s]=n:i._$Cl=n),void 0!==n&&(t=J(e,n._$AS(e,t.values),n,s)),t}class G{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:t},parts:i}=this._$AD,s=(e?.creationScope??P).importNode(t,!0);K.currentNode=s;let n=K.nextNode(),a=0,r=0,o=i[0];for(;void 0!==o;){if(a===o.index){let t;2===o.type?t=new Q(n,n.nextSibling,this,e):1===o.type?t=new o.ctor(n,o.name,o.strings,this,e):6===o.type&&(t=new se(n,this,e)),this._$AV.push(t),o=i[++r]}a!==o?.index&&(n=K.nextNode(),a++)}return K.currentNode=P,s}p(e){let t=0;for(const i of this._$AV)void 0!==i&&(void 0!==i.strings?(i._$AI(e,i,t),t+=i.strings.length-2):i._$AI(e[t])),t++}}class Q{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,i,s){this.type=2,this._$AH=F,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=i,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const t=this._$AM;return void 0!==t&&11===e?.nodeType&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=J(this,e,t),M(e)?e===F||null==e||""===e?(this._$AH!==F&&this._$AR(),this._$AH=F):e!==this._$AH&&e!==W&&this._(e):void 0!==e._$litType$?this.$(e):void 0!==e.nodeType?this.T(e):(e=>O(e)||"function"==typeof e?.[Symbol.iterator])(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==F&&M(this._$AH)?this._$AA.nextSibling.data=e:this.T(P.createTextNode(e)),this._$AH=e}$(e){const{values:t,_$litType$:i}=e,s="number"==typeof i?this._$AC(e):(void 0===i.el&&(i.el=X.createElement(Z(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===s)this._$AH.p(t);else{const e=new G(s,this),i=e.u(this.options);e.p(t),this.T(i),this._$AH=e}}_$AC(e){let t=V.get(e.strings);return void 0===t&&V.set(e.strings,t=new X(e)),t}k(e){O(this._$AH)||(this._$AH=[],this._$AR());const t=this._$AH;let i,s=0;for(const n of e)s===t.length?t.push(i=new Q(this.O(D()),this.O(D()),this,this.options)):i=t[s],i._$AI(n),s++;s<t.length&&(this._$AR(i&&i._$AB.nextSibling,s),t.length=s)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){const t=x(e).nextSibling;x(e).remove(),e=t}}setConnected(e){void 0===this._$AM&&(this._$Cv=e,this._$AP?.(e))}}class Y{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,i,s,n){this.type=1,this._$AH=F,this._$AN=void 0,this.element=e,this.name=t,this._$AM=s,this.options=n,i.length>2||""!==i[0]||""!==i[1]?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=F}_$AI(e,t=this,i,s){const n=this.strings;let a=!1;if(void 0===n)e=J(this,e,t,0),a=!M(e)||e!==this._$AH&&e!==W,a&&(this._$AH=e);else{const s=e;let r,o;for(e=n[0],r=0;r<n.length-1;r++)o=J(this,s[i+r],t,r),o===W&&(o=this._$AH[r]),a||=!M(o)||o!==this._$AH[r],o===F?e=F:e!==F&&(e+=(o??"")+n[r+1]),this._$AH[r]=o}a&&!s&&this.j(e)}j(e){e===F?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class ee extends Y{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===F?void 0:e}}class te extends Y{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==F)}}class ie extends Y{constructor(e,t,i,s,n){super(e,t,i,s,n),this.type=5}_$AI(e,t=this){if((e=J(this,e,t,0)??F)===W)return;const i=this._$AH,s=e===F&&i!==F||e.capture!==i.capture||e.once!==i.once||e.passive!==i.passive,n=e!==F&&(i===F||s);s&&this.element.removeEventListener(this.name,this,i),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class se{constructor(e,t,i){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(e){J(this,e)}}const ne={I:Q},ae=k.litHtmlPolyfillSupport;ae?.(X,Q),(k.litHtmlVersions??=[]).push("3.3.3");const re=globalThis;let oe=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=((e,t,i)=>{const s=i?.renderBefore??t;let n=s._$litPart$;if(void 0===n){const e=i?.renderBefore??null;s._$litPart$=n=new Q(t.insertBefore(D(),e),e,void 0,i??{})}return n._$AI(e),n})(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return W}};oe._$litElement$=!0,oe.finalized=!0,re.litElementHydrateSupport?.({LitElement:oe});const ce=re.litElementPolyfillSupport;ce?.({LitElement:oe}),(re.litElementVersions??=[]).push("4.2.2");const le={attribute:!0,type:String,converter:$,reflect:!1,hasChanged:b},he=(e=le,t,i)=>{const{kind:s,metadata:n}=i;let a=globalThis.litPropertyMetadata.get(n);if(void 0===a&&globalThis.litPropertyMetadata.set(n,a=new Map),"setter"===s&&((e=Object.create(e)).wrapped=!0),a.set(i.name,e),"accessor"===s){const{name:s}=i;return{set(i){const n=t.get.call(this);t.set.call(this,i),this.requestUpdate(s,n,e,!0,i)},init(t){return void 0!==t&&this.C(s,void 0,e,t),t}}}if("setter"===s){const{name:s}=i;return function(i){const n=this[s];t.call(this,i),this.requestUpdate(s,n,e,!0,i)}}throw Error("Unsupported decorator location: "+s)};function de(e){return(t,i)=>"object"==typeof i?he(e,t,i):((e,t,i)=>{const s=t.hasOwnProperty(i);return t.constructor.createProperty(i,e),s?Object.getOwnPropertyDescriptor(t,i):void 0})(e,t,i)}function ue(e){return de({...e,state:!0,attribute:!1})}const pe="xiaomi_camera_share",me={subscribe:`${pe}/subscribe`,history:`${pe}/history`,saveRecipient:`${pe}/recipients/save`};class ve extends Error{constructor(e,t={}){super(e),this.name="ServiceCallError",this.code=t.code,this.translationDomain=t.translationDomain,this.translationKey=t.translationKey,this.translationPlaceholders=t.translationPlaceholders??{}}static from(e){if(e instanceof ve)return e;if(e instanceof Error)return new ve(e.message);if("object"!=typeof e||null===e)return new ve(String(e));const t=e,i=e=>"string"==typeof e?e:void 0,s="object"==typeof t.translation_placeholders&&null!==t.translation_placeholders?Object.fromEntries(Object.entries(t.translation_placeholders).filter(e=>"string"==typeof e[1])):void 0;return new ve(i(t.message)??String(e),{code:i(t.code),translationDomain:i(t.translation_domain),translationKey:i(t.translation_key),translationPlaceholders:s})}}async function ge(e,t,i,s){try{return(await e.callService(pe,t,i,void 0,!0,s)).response}catch(e){throw ve.from(e)}}function fe(e,t=new Date){switch(e.kind){case"permanent":return{};case"hours":return{duration:{hours:e.hours}};case"until":return{duration:{seconds:Math.round((e.until.getTime()-t.getTime())/1e3)}}}}const ye=new WeakMap;function $e(e,t){let i=ye.get(e.connection);if(!i){const t={listeners:new Set,unsubscribe:Promise.resolve(void 0)};t.unsubscribe=function(e){return e.connection.subscribeMessage(e=>{t.latest=e,t.error=void 0;for(const i of t.listeners)i({document:e})},{type:me.subscribe})}(e).catch(i=>{t.error=function(e){return e&&"object"==typeof e&&"code"in e?String(e.code):e instanceof Error?e.message:String(e)}(i);for(const e of t.listeners)e({error:t.error});ye.delete(e.connection)}),ye.set(e.connection,t),i=t}const s=i;return s.listeners.add(t),s.latest?t({document:s.latest}):s.error&&t({error:s.error}),()=>{!s.listeners.delete(t)||s.listeners.size>0||(ye.get(e.connection)===s&&ye.delete(e.connection),s.unsubscribe.then(e=>e?.()).catch(()=>{}))}}class be{constructor(e){this.host=e,this.connected=!1,e.addController(this)}setHass(e){const t=this.hass?.connection!==e.connection;this.hass=e,t&&this.connected&&this.start()}hostConnected(){this.connected=!0,this.start()}hostDisconnected(){this.connected=!1,this.stop?.(),this.stop=void 0}start(){this.stop?.(),this.stop=void 0,this.hass&&(this.stop=$e(this.hass,({document:e,error:t})=>{this.document=e??this.document,this.error=t,this.host.requestUpdate()}))}}function _e(e,t,i){e.dispatchEvent(new CustomEvent(t,{detail:i,bubbles:!0,composed:!0}))}const we=["more-info","navigate","perform-action","none"],ke=new Set([...we,"toggle","url","call-service","assist","fire-dom-event"]),xe={action:"more-info"};function Ae(e){return void 0!==e&&"none"!==e.action}function Se(e,t){return Ae(e)&&("more-info"!==e.action||Boolean(e.entity??t))}const ze="xiaomi-camera-share-card",Ee=["tap","always","never"],Ce=["cameras","invites","history"],Te=["tap_action","hold_action","double_tap_action"],Pe=2,De=6;class Me extends Error{}function Oe(e){if(!e||"object"!=typeof e||Array.isArray(e))throw new Me("the configuration must be a mapping");const t=e,i=new Set(["type","title","cameras","columns","live","sections",...Te,"view_layout","grid_options","visibility"]),s=Object.keys(t).filter(e=>!i.has(e));if(s.length)throw new Me(`unknown option ${s.map(e=>`"${e}"`).join(", ")}`);if("string"!=typeof t.type)throw new Me('"type" is required');if(void 0!==t.title&&"string"!=typeof t.title)throw new Me('"title" must be text');if(void 0!==t.cameras&&(n=t.cameras,!Array.isArray(n)||!n.every(e=>"string"==typeof e&&e.length>0)))throw new Me('"cameras" must be a list of camera ids or camera entities');var n;const a=t.columns??2;if("number"!=typeof a||!Number.isInteger(a)||a<1||a>6)throw new Me('"columns" must be a whole number from 1 to 6');const r=t.live??"tap";if(!Ee.includes(r))throw new Me(`"live" must be one of ${Ee.join(", ")}`);const o=t.sections??[...Ce];if(!Array.isArray(o)||!o.every(e=>Ce.includes(e)))throw new Me(`"sections" may list ${Ce.join(", ")}`);if(0===o.length)throw new Me('"sections" must list at least one section');for(const e of Te){const i=t[e];if(!(void 0===i||i&&"object"==typeof i&&ke.has(i.action)))throw new Me(`"${e}" must be an action such as {action: more-info}`)}return{...t,type:t.type,columns:a,live:r,sections:o,...t.cameras?{cameras:t.cameras}:{}}}function He(e,t){return!!e.expires_at&&new Date(e.expires_at).getTime()-t.getTime()<=864e5}function Ue(e){return e.owner?"not_owner":e.capabilities.can_share?e.device_id?void 0:"no_device":e.capabilities.reason??"model_not_shareable"}function Re(e,t){return t?.length?t.map(t=>e.find(e=>e.did===t||e.device_id===t||e.camera_entity===t)).filter(e=>void 0!==e):e}const Ne=r`
  :host {
    color: var(--primary-text-color, #212121);
  }
  .muted {
    color: var(--secondary-text-color, #727272);
  }
  p {
    margin: 0;
  }
`,je=r`
  ha-list-item-base {
    --ha-row-item-padding-inline: 0;
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
  }
  ha-list-item-base:last-child {
    border-bottom: none;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 4px;
  }
`,Ie={"card.name":"Xiaomi Camera Share","card.description":"Your Xiaomi cameras in a grid: share them, see who has access, answer invites.","card.loading":"Loading cameras…","card.not_configured":"No Xiaomi account is set up yet. Add the Xiaomi Camera Share integration first.","card.not_admin":"Only Home Assistant administrators can manage camera sharing.","card.unavailable":"Xiaomi Camera Share is not loaded ({error}).","card.empty":"No cameras found in the configured Xiaomi accounts.","card.offline":"The Xiaomi cloud cannot be reached for {account}. Showing the last known state.","card.auth_failed":"{account} must sign in again (Settings → Devices & services).","tab.cameras":"Cameras","tab.invites":"Invites","tab.history":"History","tile.online":"Online","tile.offline":"Offline","tile.no_access":"Not shared","tile.accepted":"{count} with access","tile.pending":"{count} pending","tile.expiring":"{count} expiring soon","tile.shared_by":"Shared by {name}","tile.no_entity":"No camera entity linked","tile.share":"Share","tile.manage":"Manage access","tile.live":"Show live view of {name}","tile.open":"Open {name}","tile.play":"Play {name} here","tile.stop":"Stop the live view of {name}","reason.not_owner":"This camera was shared with you; only its owner can share it.","reason.model_not_shareable":"This camera model cannot be shared.","reason.sharee_limit":"This camera is already shared with as many people as it allows.","reason.no_device":"This camera is not linked to a Home Assistant device yet.","share.title":"Share {name}","share.recipient_kind":"Share with","share.kind.xiaomi_id":"Xiaomi ID","share.kind.phone":"Phone number","share.kind.saved":"Saved recipient","share.kind.account":"Account in Home Assistant","share.recipient":"Recipient","share.no_saved":"No saved recipients yet.","share.no_accounts":"No other account is configured here.","share.lookup":"Look up","share.found":"Found {nickname} ({user_id})","share.save_name":"Save as recipient named","share.save":"Save","share.saved":"Saved as “{name}”.","share.save_failed":"Could not save the recipient.","share.lookup_failed":"Nobody was found for this recipient.","share.permission":"Permission","share.permission.view_only":"View only","share.permission.control":"View and control","share.view_only_unavailable":"This model offers no view-only sharing; recipients can also control it.","share.duration":"Duration","share.duration.permanent":"Permanent","share.duration.1h":"1 hour","share.duration.4h":"4 hours","share.duration.1d":"1 day","share.duration.1w":"1 week","share.duration.until":"Until…","share.until":"Share until","share.auto_accept":"Accept the invite on their side at once","share.region_warning":"{nickname} uses {their_region}, but this camera is in {camera_region}. The invite waits in {camera_region}: they must switch Mi Home to {camera_region} to see it.","share.send":"Share","share.result.invited":"Invite sent to {nickname}.","share.result.shared":"Shared with {nickname}.","share.result.error":"Sharing failed: {error}","share.result.invite_regions":"Invites only arrive when the recipient's Mi Home app uses the same region: {regions}","share.unavailable":"This camera cannot be shared","dialog.close":"Close","dialog.cancel":"Cancel","manage.title":"Access to {name}","manage.empty":"Nobody else has access to this camera.","manage.status.accepted":"Has access","manage.status.pending":"Invite pending","manage.since":"Since {time}","manage.expires":"Expires {relative}","manage.permanent":"Permanent","manage.revoke":"Revoke","manage.revoke_label":"Revoke access of {name}","manage.extend_label":"Extend access of {name}","manage.extend.1h":"+1 hour","manage.extend.1d":"+1 day","manage.extend.1w":"+1 week","manage.extend.permanent":"Make permanent","invites.empty":"No invites are waiting.","invites.from":"From {name}","invites.expires":"Expires {relative}","invites.expired":"Expired","invites.waits_in":"Waits in {region}","invites.region_not_used":"This account does not use {region}; the invite would stay invisible in Mi Home.","invites.accept":"Accept","invites.decline":"Decline","invites.accept_label":"Accept {camera} from {name}","invites.decline_label":"Decline {camera} from {name}","history.empty":"Nothing has happened yet.","history.more":"Load older entries","history.invite_sent":"Invited {nickname} to {camera}","history.share_accepted":"{nickname} accepted {camera}","history.share_declined":"{nickname} declined {camera}","history.share_revoked":"Revoked {camera} from {nickname}","history.share_expired":"Share of {camera} with {nickname} expired","history.invite_received":"{nickname} invited you to {camera}","history.invite_accepted":"Accepted {camera} from {nickname}","history.invite_declined":"Declined {camera} from {nickname}","history.action_failed":"An action on {camera} failed: {message}","history.someone":"someone","history.a_camera":"a camera","permission.view_only":"View only","permission.control":"Control","region.cn":"Mainland China","region.de":"Europe","region.us":"United States","region.ru":"Russia","region.sg":"Singapore","region.i2":"India","list.separator":", ","editor.title":"Title","editor.columns":"Columns","editor.live":"Live view","editor.live.tap":"Still images, a play button on each tile","editor.live.always":"Always","editor.live.never":"Never (still images only)","editor.sections":"Sections","editor.cameras_helper":"None selected: every camera of every account.","editor.not_found":"Not among the cameras of the configured accounts: {ids}","editor.cameras":"Cameras","error.config":"Invalid configuration: {detail}","service_error.recipient_region_mismatch":"{person} ({account}) does not use the region {region}, where {camera} lives, so the invite would never arrive. Add {region} to that account's regions (reconfigure it) and switch its Mi Home app to {region}, then share again."},Le={"zh-Hans":async()=>(await(import("./xcs-zh-Hans-soHHVRWT.js"))).zhHans,"zh-Hant":async()=>(await(import("./xcs-zh-Hant-C-mjS50i.js"))).zhHant},Be={},qe={};function We(e){const t=(e??"en").toLowerCase();return"zh-hant"===t||"zh-tw"===t||"zh-hk"===t||"zh-mo"===t?"zh-Hant":t.startsWith("zh")?"zh-Hans":void 0}function Fe(e){const t=We(e);return!t||void 0!==Be[t]}function Ve(e){const t=We(e);return!t||Be[t]?Promise.resolve():qe[t]??=Le[t]().then(e=>{Be[t]=e},()=>{delete qe[t]})}function Ke(e){return e?.locale?.language??e?.language??"en"}function Ze(e,t=String){const{strings:i}=function(e){const t=We(e),i=t&&Be[t];return t&&i?{strings:i,tag:t}:{strings:Ie,tag:t?"en":e??"en"}}(e);return(e,s)=>{const n=i[e]??Ie[e];return s?n.replace(/\{(\w+)\}/g,(e,i)=>{const n=s[i];return void 0===n?e:"number"==typeof n?t(n):n}):n}}const Xe=Intl.DateTimeFormat().resolvedOptions().timeZone,Je=[["day",864e5],["hour",36e5],["minute",6e4]],Ge={comma_decimal:"en-US",decimal_comma:"de",space_comma:"fr",quote_decimal:"de-CH",system:void 0};function Qe(e){if("12"===e)return"h12";if("24"===e)return"h23";if("system"===e){const e=new Intl.DateTimeFormat(void 0,{hour:"numeric"}).resolvedOptions().hourCycle;return"h11"===e||"h12"===e?"h12":"h23"}}const Ye=new Map;function et(e){const t=e?.locale,i=t?.language??e?.language??"en",s=e?.config?.time_zone,n="server"===t?.time_zone&&s?s:Xe,a=[i,t?.number_format,t?.time_format,n].join("|");let r=Ye.get(a);return r||(r=function(e,t,i,s){const n=t&&t in Ge?Ge[t]:e,a=new Intl.NumberFormat(n),r=new Intl.DateTimeFormat(e,{dateStyle:"medium",timeStyle:"short",hourCycle:Qe(i),timeZone:s}),o=new Intl.RelativeTimeFormat(e,{numeric:"auto"}),c=new Intl.DateTimeFormat("en-US",{timeZone:s,hourCycle:"h23",year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",second:"2-digit"}),l=e=>Object.fromEntries(c.formatToParts(e).map(e=>[e.type,e.value])),h=e=>{const t=l(e);return Date.UTC(+t.year,+t.month-1,+t.day,+t.hour,+t.minute,+t.second)-e.getTime()};return{timeZone:s,number:e=>"none"===t?String(e):a.format(e),dateTime:e=>r.format(e),relative(e,t){const i=e.getTime()-t.getTime();for(const[e,t]of Je)if(Math.abs(i)>=t||"minute"===e)return o.format(Math.round(i/t),e);return o.format(0,"minute")},wallTime(e){const t=l(e);return`${t.year}-${t.month}-${t.day}T${t.hour}:${t.minute}`},fromWallTime(e){const t=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(e);if(!t)return;const[,i,s,n,a,r]=t.map(Number),o=Date.UTC(i,s-1,n,a,r),c=o-h(new Date(o));return new Date(o-h(new Date(c)))}}}(i,t?.number_format,t?.time_format,n),Ye.set(a,r)),r}const tt=["ha-alert","ha-button","ha-dialog","ha-dialog-footer","ha-form","ha-icon-button","ha-input","ha-list-base","ha-list-item-base","ha-radio-group","ha-radio-option","ha-select","ha-switch"],it=e=>void 0!==customElements.get(e);function st(e){return Promise.race([customElements.whenDefined(e),new Promise(e=>setTimeout(e,5e3))])}function nt(e){let t;return()=>t??=e().catch(()=>{})}const at=nt(async()=>{const e=await(window.loadCardHelpers?.());e&&(e.createCardElement({type:"picture-glance",entities:[],camera_image:"camera.side_load"}),await st("hui-image"))}),rt=nt(async()=>{const e=await(window.loadCardHelpers?.());if(e){if(!it("ha-selector")){e.createCardElement({type:"entities",entities:[]}),await st("hui-entities-card");const t=customElements.get("hui-entities-card");await(t?.getConfigElement?.()),await st("ha-selector")}if(!it("ha-radio-group")||!it("ha-select")){const e=Object.assign(document.createElement("ha-selector"),{selector:{select:{mode:"list",options:[]}},hidden:!0});document.body.append(e),await st("ha-radio-group"),e.remove()}await Promise.all(tt.map(st))}});function ot(){return tt.every(it)?Promise.resolve():rt()}function ct(e,t){customElements.get(e)||customElements.define(e,t)}let lt=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,i){this._$Ct=e,this._$AM=t,this._$Ci=i}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};const{I:ht}=ne,dt=e=>e,ut=()=>document.createComment(""),pt=(e,t,i)=>{const s=e._$AA.parentNode,n=void 0===t?e._$AB:t._$AA;if(void 0===i){const t=s.insertBefore(ut(),n),a=s.insertBefore(ut(),n);i=new ht(t,a,e,e.options)}else{const t=i._$AB.nextSibling,a=i._$AM,r=a!==e;if(r){let t;i._$AQ?.(e),i._$AM=e,void 0!==i._$AP&&(t=e._$AU)!==a._$AU&&i._$AP(t)}if(t!==n||r){let e=i._$AA;for(;e!==t;){const t=dt(e).nextSibling;dt(s).insertBefore(e,n),e=t}}}return i},mt=(e,t,i=e)=>(e._$AI(t,i),e),vt={},gt=(e,t=vt)=>e._$AH=t,ft=e=>{e._$AR(),e._$AA.remove()},yt=(e,t,i)=>{const s=new Map;for(let n=t;n<=i;n++)s.set(e[n],n);return s},$t=(e=>(...t)=>({_$litDirective$:e,values:t}))(class extends lt{constructor(e){if(super(e),2!==e.type)throw Error("repeat() can only be used in text expressions")}dt(e,t,i){let s;void 0===i?i=t:void 0!==t&&(s=t);const n=[],a=[];let r=0;for(const t of e)n[r]=s?s(t,r):r,a[r]=i(t,r),r++;return{values:a,keys:n}}render(e,t,i){return this.dt(e,t,i).values}update(e,[t,i,s]){const n=(e=>e._$AH)(e),{values:a,keys:r}=this.dt(t,i,s);if(!Array.isArray(n))return this.ut=r,a;const o=this.ut??=[],c=[];let l,h,d=0,u=n.length-1,p=0,m=a.length-1;for(;d<=u&&p<=m;)if(null===n[d])d++;else if(null===n[u])u--;else if(o[d]===r[p])c[p]=mt(n[d],a[p]),d++,p++;else if(o[u]===r[m])c[m]=mt(n[u],a[m]),u--,m--;else if(o[d]===r[m])c[m]=mt(n[d],a[m]),pt(e,c[m+1],n[d]),d++,m--;else if(o[u]===r[p])c[p]=mt(n[u],a[p]),pt(e,n[d],n[u]),u--,p++;else if(void 0===l&&(l=yt(r,p,m),h=yt(o,d,u)),l.has(o[d]))if(l.has(o[u])){const t=h.get(r[p]),i=void 0!==t?n[t]:null;if(null===i){const t=pt(e,n[d]);mt(t,a[p]),c[p]=t}else c[p]=mt(i,a[p]),pt(e,n[d],i),n[t]=null;p++}else ft(n[u]),u--;else ft(n[d]),d++;for(;p<=m;){const t=pt(e,c[m+1]);mt(t,a[p]),c[p++]=t}for(;d<=u;){const e=n[d++];null!==e&&ft(e)}return this.ut=r,gt(e,c),W}});class bt{constructor(e){this.host=e,this.visible=!1,e.addController(this)}hostConnected(){this.observer=new IntersectionObserver(e=>{const t=e.some(e=>e.isIntersecting);t!==this.visible&&(this.visible=t,this.host.requestUpdate())}),this.observer.observe(this.host)}hostDisconnected(){this.observer?.disconnect(),this.observer=void 0,this.visible=!1}}class _t{constructor(e,t){this.act=e,this.options=t,this.held=!1,this.down=e=>{this.held=!1,0===e.button&&this.options().hold&&(this.holdTimer=window.setTimeout(()=>{this.held=!0,this.act("hold")},500))},this.up=()=>{window.clearTimeout(this.holdTimer)},this.click=()=>{if(!this.held)return this.options().doubleTap?void 0!==this.tapTimer?(window.clearTimeout(this.tapTimer),this.tapTimer=void 0,this.act("double_tap")):void(this.tapTimer=window.setTimeout(()=>{this.tapTimer=void 0,this.act("tap")},250)):this.act("tap");this.held=!1},this.key=e=>{"Enter"!==e.key&&" "!==e.key||(e.preventDefault(),this.act("tap"))},this.contextMenu=e=>{this.options().hold&&e.preventDefault()}}}class wt extends oe{constructor(){super(...arguments),this.localize=Ze("en"),this.live="tap",this.actions={},this.playing=!1,this.visibility=new bt(this),this.gestures=new _t(e=>this.act(e),()=>({hold:Ae(this.actions.hold_action),doubleTap:Ae(this.actions.double_tap_action)}))}static{this.styles=[Ne,r`
      :host {
        display: flex;
        flex-direction: column;
        border-radius: var(--ha-border-radius-lg, 12px);
        overflow: hidden;
        background: var(--secondary-background-color, #f5f5f5);
        min-width: 0;
      }
      .frame {
        position: relative;
      }
      .media {
        aspect-ratio: 16 / 9;
        background: #000;
        color: #e0e0e0;
        display: block;
        outline: none;
      }
      .media[role="button"] {
        cursor: pointer;
      }
      .media:focus-visible {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: -2px;
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
        font-size: 0.9em;
      }
      .live {
        position: absolute;
        inset-inline-end: 4px;
        bottom: 4px;
        color: #fff;
        background: rgba(0, 0, 0, 0.55);
        border-radius: 50%;
      }
      .info {
        padding: var(--ha-space-2, 8px) var(--ha-space-3, 12px) var(--ha-space-3, 12px);
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
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
      }
      .actions {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
        margin-top: 4px;
      }
      .reason {
        font-size: 0.8em;
      }
    `]}get streaming(){return"always"===this.live||"tap"===this.live&&this.playing}get params(){const e=this.stateObj?this.camera.camera_entity??void 0:void 0;return e?{...this.actions,entity:e}:this.actions}act(e){const t=this.params;Se(t[`${e}_action`],t.entity)&&function(e,t,i){_e(e,"hass-action",{config:t,action:i})}(this,t,e)}fire(e){this.dispatchEvent(new CustomEvent(e,{detail:{did:this.camera.did},bubbles:!0,composed:!0}))}render(){const e=this.camera,t=Ue(e);return q`
      <div class="frame">${this.renderMedia()} ${this.renderPlay()}</div>
      <div class="info">
        <div class="name" title=${e.name}>${e.name}</div>
        <div class="state ${e.online?"online":"offline"}">
          ${this.localize(e.online?"tile.online":"tile.offline")}
          ${e.owner?q` · ${this.localize("tile.shared_by",{name:e.owner.nickname})}`:F}
        </div>
        ${this.renderAccess()}
        <div class="actions">
          <ha-button
            class="share"
            size="s"
            .disabled=${void 0!==t}
            @click=${()=>void 0===t&&this.fire("xcs-share")}
            >${this.localize("tile.share")}</ha-button
          >
          <ha-button
            class="manage"
            size="s"
            appearance="plain"
            .disabled=${null!=e.owner}
            @click=${()=>null==e.owner&&this.fire("xcs-manage")}
            >${this.localize("tile.manage")}</ha-button
          >
        </div>
        ${t?q`<div class="reason muted">${this.localize(`reason.${t}`)}</div>`:F}
      </div>
    `}renderAccess(){const e=function(e,t){let i=0,s=0,n=0;for(const a of e.sharees)"accepted"===a.status?i+=1:s+=1,He(a,t)&&(n+=1);return{accepted:i,pending:s,expiringSoon:n}}(this.camera,new Date),t=(e,t)=>q`<span class="chip ${e}">${t}</span>`;if(!e.accepted&&!e.pending)return q`<div class="chips">${t("none",this.localize("tile.no_access"))}</div>`;const{accepted:i,pending:s,expiringSoon:n}=e;return q`<div class="chips">
      ${i?t("accepted",this.localize("tile.accepted",{count:i})):F}
      ${s?t("pending",this.localize("tile.pending",{count:s})):F}
      ${n?t("expiring",this.localize("tile.expiring",{count:n})):F}
    </div>`}renderMedia(){const e=this.camera.camera_entity,t=this.params,i=["tap","hold","double_tap"].some(e=>Se(t[`${e}_action`],t.entity)),s=this.renderPicture(),n=e&&this.stateObj?"":"placeholder";if(!i)return q`<div class="media ${n}">${s}</div>`;const a=this.localize("more-info"===t.tap_action?.action?"tile.live":"tile.open",{name:this.camera.name});return q`<div
      class="media ${n}"
      role="button"
      tabindex="0"
      aria-label=${a}
      @pointerdown=${this.gestures.down}
      @pointerup=${this.gestures.up}
      @pointercancel=${this.gestures.up}
      @pointerleave=${this.gestures.up}
      @click=${this.gestures.click}
      @contextmenu=${this.gestures.contextMenu}
      @keydown=${this.gestures.key}
    >
      ${s}
    </div>`}renderPicture(){const e=this.camera.camera_entity;return e&&this.stateObj?this.visibility.visible?this.streaming?q`<ha-camera-stream .hass=${this.hass} .stateObj=${this.stateObj} muted></ha-camera-stream>`:q`<hui-image
      .hass=${this.hass}
      .cameraImage=${e}
      .cameraView=${"auto"}
      fit-mode="cover"
    ></hui-image>`:q`<div class="offscreen"></div>`:this.localize("tile.no_entity")}renderPlay(){if("tap"!==this.live||!this.camera.camera_entity||!this.stateObj)return F;const e=this.camera.name;return q`<ha-icon-button
      class="live"
      .label=${this.localize(this.playing?"tile.stop":"tile.play",{name:e})}
      .path=${this.playing?"M18,18H6V6H18V18Z":"M8,5.14V19.14L19,12.14L8,5.14Z"}
      @click=${()=>this.playing=!this.playing}
    ></ha-icon-button>`}}e([de({attribute:!1})],wt.prototype,"camera",void 0),e([de({attribute:!1})],wt.prototype,"stateObj",void 0),e([de({attribute:!1})],wt.prototype,"localize",void 0),e([de()],wt.prototype,"live",void 0),e([de({attribute:!1})],wt.prototype,"actions",void 0),e([ue()],wt.prototype,"playing",void 0),ct("xcs-camera-tile",wt);class kt extends oe{constructor(){super(...arguments),this.cameras=[],this.entityStates={},this.columns=2,this.live="tap",this.localize=Ze("en"),this.actions={}}static{this.styles=r`
    :host {
      display: grid;
      --xcs-gap: var(--ha-space-2, 8px);
      grid-template-columns: repeat(
        auto-fill,
        minmax(max(140px, (100% - (var(--xcs-columns) - 1) * var(--xcs-gap)) / var(--xcs-columns)), 1fr)
      );
      gap: var(--xcs-gap);
    }
  `}render(){return this.style.setProperty("--xcs-columns",String(this.columns)),q`${$t(this.cameras,e=>e.did,e=>q`<xcs-camera-tile
          role="listitem"
          .hass=${this.hass}
          .camera=${e}
          .stateObj=${e.camera_entity?this.entityStates[e.camera_entity]:void 0}
          .live=${this.live}
          .actions=${this.actions}
          .localize=${this.localize}
        ></xcs-camera-tile>`)}`}connectedCallback(){super.connectedCallback(),this.setAttribute("role","list")}}e([de({attribute:!1})],kt.prototype,"cameras",void 0),e([de({attribute:!1})],kt.prototype,"entityStates",void 0),e([de({type:Number})],kt.prototype,"columns",void 0),e([de()],kt.prototype,"live",void 0),e([de({attribute:!1})],kt.prototype,"localize",void 0),e([de({attribute:!1})],kt.prototype,"actions",void 0),ct("xcs-camera-grid",kt);const xt=["cn","de","us","ru","sg","i2"];function At(e){return"string"==typeof e&&xt.includes(e)}function St(e,t){return At(t)?e(`region.${t}`):t}const zt=new Map([["recipient_region_mismatch",{key:"service_error.recipient_region_mismatch",placeholders:["camera","person","account","region"],regions:["region"]}]]);function Et(e,t){const i=e.translationDomain===pe&&e.translationKey?zt.get(e.translationKey):void 0,s=e.translationPlaceholders;if(!i||!i.placeholders.every(e=>Object.hasOwn(s,e))||!i.regions.every(e=>At(s[e])))return e.message;const n={...s};for(const e of i.regions)n[e]=St(t,s[e]??"");return t(i.key,n)}class Ct extends oe{constructor(){super(...arguments),this.localize=Ze("en"),this.format=et(void 0),this.open=!1}static{this.styles=[Ne,r`
      .body {
        display: flex;
        flex-direction: column;
        gap: var(--ha-space-4, 16px);
      }
    `]}renderFooter(){return F}async firstUpdated(){await this.updateComplete,this.open=!0}close(){this.open=!1}onClosed(e){e.target===e.currentTarget&&(e.stopPropagation(),this.open=!1,this.dispatchEvent(new Event("closed")))}render(){return q`<ha-dialog .open=${this.open} header-title=${this.heading()} @closed=${this.onClosed}>
      <div class="body">${this.renderBody()}</div>
      ${this.renderFooter()}
    </ha-dialog>`}}e([de({attribute:!1})],Ct.prototype,"localize",void 0),e([de({attribute:!1})],Ct.prototype,"format",void 0),e([ue()],Ct.prototype,"open",void 0);const Tt=["xiaomi_id","phone","saved","account"],Pt="xiaomi_id";class Dt extends oe{constructor(){super(...arguments),this.localize=Ze("en"),this.entryId="",this.accounts=[],this.recipients=[],this.kind=Pt,this.typed="",this.saved="",this.account="",this.lookup={phase:"idle"},this.saveName="",this.saving={phase:"idle"},this.asked=0}static{this.shadowRootOptions={...oe.shadowRootOptions,delegatesFocus:!0}}static{this.styles=[Ne,r`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--ha-space-3, 12px);
      }
      .row {
        display: flex;
        align-items: center;
        gap: var(--ha-space-2, 8px);
      }
      .row > :first-child {
        flex: 1;
        min-width: 0;
      }
    `]}get otherAccounts(){return e=this.accounts,t=this.entryId,e.filter(e=>e.entry_id!==t);var e,t}get query(){const e={typed:this.typed,saved:this.saved,account:this.account};return function(e,t,i){switch(e){case"xiaomi_id":case"phone":return t.typed.trim();case"saved":return t.saved;case"account":return i.find(e=>e.entry_id===t.account)?.user_id??""}}(this.kind,e,this.otherAccounts)}setLookup(e){this.lookup=e;const t="found"===e.phase?{user_id:e.result.user_id,nickname:e.result.nickname}:null,i={kind:this.kind,recipient:t};this.dispatchEvent(new CustomEvent("xcs-recipient-change",{detail:i}))}changed(){this.asked+=1,this.saving={phase:"idle"},this.setLookup({phase:"idle"})}async onLookup(){const e=this.query;if(!this.hass||!e||"looking"===this.lookup.phase)return;const t=++this.asked;let i;this.setLookup({phase:"looking"});try{i={phase:"found",result:await async function(e,t,i,s){const n=await ge(e,"lookup_recipient",{config_entry_id:t,recipient:i,region:s},!0);if(!n)throw new Error("lookup_recipient returned no response");return n}(this.hass,this.entryId,e,this.region)}}catch{i={phase:"failed"}}t===this.asked&&this.setLookup(i)}recipientRegion(e){return function(e,t,i,s){const n=e.regions??i.find(t=>t.user_id===e.user_id)?.regions;return n?.length?n.includes(t)?t:n[0]:s.find(t=>t.user_id===e.user_id)?.region??void 0}(e,this.region,this.accounts,this.recipients)}render(){const e=Tt.map(e=>({value:e,label:this.localize(`share.kind.${e}`)}));return q`
      <ha-select
        id="kind"
        .label=${this.localize("share.recipient_kind")}
        .options=${e}
        .value=${this.kind}
        @selected=${e=>{this.kind=e.detail.value,this.changed()}}
      ></ha-select>
      <div class="row">
        ${this.renderInput()}
        <ha-button
          id="lookup"
          appearance="filled"
          .disabled=${!this.query}
          .loading=${"looking"===this.lookup.phase}
          @click=${this.onLookup}
          >${this.localize("share.lookup")}</ha-button
        >
      </div>
      ${this.renderLookup()}
    `}renderInput(){const e=this.localize("share.recipient"),t=(t,i,s)=>q`<ha-select
        id="recipient"
        .label=${e}
        .options=${t}
        .value=${i}
        @selected=${e=>{s(e.detail.value),this.changed()}}
      ></ha-select>`;if("saved"===this.kind)return this.recipients.length?t(this.recipients.map(e=>({value:e.name,label:e.nickname?`${e.name} (${e.nickname})`:e.name})),this.saved,e=>this.saved=e):q`<p class="muted">${this.localize("share.no_saved")}</p>`;if("account"===this.kind)return this.otherAccounts.length?t(this.otherAccounts.map(e=>({value:e.entry_id,label:`${e.nickname} (${e.user_id})`})),this.account,e=>this.account=e):q`<p class="muted">${this.localize("share.no_accounts")}</p>`;const i="phone"===this.kind?{type:"tel",inputmode:"tel"}:{type:"text",inputmode:"numeric"};return q`<ha-input
      id="recipient"
      .label=${this.localize(`share.kind.${this.kind}`)}
      .type=${i.type}
      .inputmode=${i.inputmode}
      autocomplete="off"
      .value=${this.typed}
      @input=${e=>{this.typed=e.target.value??"",this.changed()}}
      @keydown=${e=>{"Enter"===e.key&&this.onLookup()}}
    ></ha-input>`}renderLookup(){if("failed"===this.lookup.phase)return q`<ha-alert class="lookup-failed" alert-type="error"
        >${this.localize("share.lookup_failed")}</ha-alert
      >`;if("found"!==this.lookup.phase)return F;const e=this.lookup.result,t=this.recipientRegion(e);return q`<p class="found" role="status">
        ${this.localize("share.found",{nickname:e.nickname,user_id:e.user_id})}
      </p>
      ${t&&function(e,t){return void 0!==e&&e!==t}(t,this.region)?q`<ha-alert class="region-warning" alert-type="warning">
              ${this.localize("share.region_warning",{nickname:e.nickname,their_region:St(this.localize,t),camera_region:St(this.localize,this.region)})}
            </ha-alert>`:F}
      ${this.renderSave(e,t)}`}renderSave(e,t){return"xiaomi_id"!==(i=this.kind)&&"phone"!==i?F:"saved"===this.saving.phase?q`<ha-alert class="saved" alert-type="success"
        >${this.localize("share.saved",{name:this.saving.name})}</ha-alert
      >`:q`<div class="row">
        <ha-input
          id="save-name"
          .label=${this.localize("share.save_name")}
          .value=${this.saveName}
          @input=${e=>this.saveName=e.target.value??""}
        ></ha-input>
        <ha-button id="save-recipient" appearance="plain" .disabled=${!this.saveName.trim()} @click=${async()=>{const i=this.saveName.trim();if(this.hass&&i)try{await async function(e,t){await e.callWS({type:me.saveRecipient,...t})}(this.hass,{name:i,user_id:e.user_id,nickname:e.nickname,region:t??null}),this.saving={phase:"saved",name:i}}catch{this.saving={phase:"failed"}}}}
          >${this.localize("share.save")}</ha-button
        >
      </div>
      ${"failed"===this.saving.phase?q`<ha-alert alert-type="error">${this.localize("share.save_failed")}</ha-alert>`:F}`;var i}}e([de({attribute:!1})],Dt.prototype,"localize",void 0),e([de({attribute:!1})],Dt.prototype,"entryId",void 0),e([de({attribute:!1})],Dt.prototype,"region",void 0),e([de({attribute:!1})],Dt.prototype,"accounts",void 0),e([de({attribute:!1})],Dt.prototype,"recipients",void 0),e([ue()],Dt.prototype,"kind",void 0),e([ue()],Dt.prototype,"typed",void 0),e([ue()],Dt.prototype,"saved",void 0),e([ue()],Dt.prototype,"account",void 0),e([ue()],Dt.prototype,"lookup",void 0),e([ue()],Dt.prototype,"saveName",void 0),e([ue()],Dt.prototype,"saving",void 0),ct("xcs-recipient-picker",Dt);const Mt={"1h":1,"4h":4,"1d":24,"1w":168},Ot=["permanent","1h","4h","1d","1w","until"];class Ht extends Ct{constructor(){super(...arguments),this.accounts=[],this.recipients=[],this.picked={kind:Pt,recipient:null},this.duration="permanent",this.until="",this.autoAccept=!0,this.sending={phase:"idle"}}heading(){return this.localize("share.title",{name:this.camera.name})}async getUpdateComplete(){const e=await super.getUpdateComplete();return await(this.picker?.updateComplete),e}get chosenPermission(){return e=this.permission,t=this.camera.capabilities,e??function(e){return e.view_only?"view_only":"control"}(t);var e,t}get chosenDuration(){return e=this.duration,t=this.format.fromWallTime(this.until),i=new Date,"permanent"===e?{kind:"permanent"}:"until"===e?t&&t.getTime()>i.getTime()?{kind:"until",until:t}:void 0:{kind:"hours",hours:Mt[e]};var e,t,i}onRecipientChange(e){this.picked=e.detail,this.sending={phase:"idle"}}async onSend(){const e=this.chosenDuration,t=this.picked.recipient;if(this.hass&&t&&e&&this.camera.device_id){this.sending={phase:"sending"};try{const s={deviceIds:[(i={deviceId:this.camera.device_id,userId:t.user_id,permission:this.chosenPermission,duration:e,toAccount:"account"===this.picked.kind,autoAccept:this.autoAccept}).deviceId],recipient:i.userId,permission:i.permission,duration:i.duration,autoAccept:i.toAccount?i.autoAccept:void 0},n=await async function(e,t){const i=function(e,t=new Date){const i={device_id:e.deviceIds,recipient:e.recipient,permission:e.permission,...fe(e.duration,t)};return e.autoAccept&&(i.auto_accept=!0),i}(t);return await ge(e,"share",i,!0)??{results:[],invite_regions:null}}(this.hass,s);this.sending={phase:"done",result:n}}catch(e){this.sending={phase:"failed",error:ve.from(e)}}var i}}renderBody(){const e=Ue(this.camera);return e?q`<ha-alert class="blocked" alert-type="info" title=${this.localize("share.unavailable")}
        >${this.localize(`reason.${e}`)}</ha-alert
      >`:q`
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
      ${"account"===this.picked.kind?q`<ha-switch
              id="auto-accept"
              .checked=${this.autoAccept}
              @change=${e=>this.autoAccept=e.target.checked}
              >${this.localize("share.auto_accept")}</ha-switch
            >`:F}
      ${this.renderResult()}
    `}renderPermission(){const e=this.camera.capabilities.view_only;return q`<ha-radio-group
      id="permission"
      .label=${this.localize("share.permission")}
      .hint=${e?"":this.localize("share.view_only_unavailable")}
      .value=${this.chosenPermission}
      @change=${e=>this.permission=e.target.value}
    >
      <ha-radio-option value="view_only" .disabled=${!e}
        >${this.localize("share.permission.view_only")}</ha-radio-option
      >
      <ha-radio-option value="control">${this.localize("share.permission.control")}</ha-radio-option>
    </ha-radio-group>`}renderDuration(){const e=Ot.map(e=>({value:e,label:this.localize(`share.duration.${e}`)}));return q`<ha-select
        id="duration"
        .label=${this.localize("share.duration")}
        .options=${e}
        .value=${this.duration}
        @selected=${e=>this.duration=e.detail.value}
      ></ha-select>
      ${"until"===this.duration?q`<ha-input
              id="until"
              type="datetime-local"
              .label=${this.localize("share.until")}
              .hint=${this.format.timeZone}
              .min=${this.format.wallTime(new Date)}
              .value=${this.until}
              @input=${e=>this.until=e.target.value}
            ></ha-input>`:F}`}renderResult(){const e=this.sending;if("failed"===e.phase)return q`<ha-alert class="result error" alert-type="error">
        ${this.localize("share.result.error",{error:Et(e.error,this.localize)})}
      </ha-alert>`;if("done"!==e.phase||!this.picked.recipient)return F;const{key:t,nickname:i,inviteRegions:s}=function(e,t,i){const s=e.results.find(e=>e.did===t);return{key:"accepted"===s?.status?"share.result.shared":"share.result.invited",nickname:e.recipient?.nickname??i,inviteRegions:e.invite_regions??[]}}(e.result,this.camera.did,this.picked.recipient.nickname);return q`<ha-alert class="result" alert-type="success">${this.localize(t,{nickname:i})}</ha-alert>
      ${s.length?q`<ha-alert class="region-note" alert-type="warning">
              ${this.localize("share.result.invite_regions",{regions:(n=this.localize,a=s,a.map(e=>St(n,e)).join(n("list.separator")))})}
            </ha-alert>`:F}`;var n,a}renderFooter(){const e="done"===this.sending.phase,t=!(i={blocked:void 0!==Ue(this.camera),hasRecipient:null!==this.picked.recipient,phase:this.sending.phase,duration:this.chosenDuration}).blocked&&i.hasRecipient&&"sending"!==i.phase&&"done"!==i.phase&&void 0!==i.duration;var i;return q`<ha-dialog-footer slot="footer">
      <ha-button id="cancel" slot="secondaryAction" appearance="plain" @click=${this.close}>
        ${this.localize(e?"dialog.close":"dialog.cancel")}
      </ha-button>
      ${e?F:q`<ha-button
              id="send"
              slot="primaryAction"
              .disabled=${!t}
              .loading=${"sending"===this.sending.phase}
              @click=${()=>t&&this.onSend()}
              >${this.localize("share.send")}</ha-button
            >`}
    </ha-dialog-footer>`}}e([de({attribute:!1})],Ht.prototype,"camera",void 0),e([de({attribute:!1})],Ht.prototype,"accounts",void 0),e([de({attribute:!1})],Ht.prototype,"recipients",void 0),e([ue()],Ht.prototype,"picked",void 0),e([ue()],Ht.prototype,"permission",void 0),e([ue()],Ht.prototype,"duration",void 0),e([ue()],Ht.prototype,"until",void 0),e([ue()],Ht.prototype,"autoAccept",void 0),e([ue()],Ht.prototype,"sending",void 0),e([(e,t,i)=>((e,t,i)=>(i.configurable=!0,i.enumerable=!0,Reflect.decorate&&"object"!=typeof t&&Object.defineProperty(e,t,i),i))(e,t,{get(){return(e=>e.renderRoot?.querySelector("xcs-recipient-picker")??null)(this)}})],Ht.prototype,"picker",void 0),ct("xcs-share-dialog",Ht);const Ut=[{key:"manage.extend.1h",hours:1},{key:"manage.extend.1d",hours:24},{key:"manage.extend.1w",hours:168}];function Rt(e,t,i){const s=Math.max(new Date(e).getTime(),i.getTime());return new Date(s+36e5*t)}class Nt extends Ct{constructor(){super(...arguments),this.now=new Date,this.busy=new Set}static{this.styles=[...Ct.styles,je,r`
      .name {
        font-weight: 500;
      }
    `]}connectedCallback(){super.connectedCallback(),this.timer=window.setInterval(()=>this.now=new Date,3e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.timer)}heading(){return this.localize("manage.title",{name:this.camera.name})}async run(e,t){this.busy=new Set(this.busy).add(e);try{await t()}catch{}finally{const t=new Set(this.busy);t.delete(e),this.busy=t}}revoke(e){const t=this.hass,i=this.camera.device_id;t&&i&&this.run(e.user_id,()=>async function(e,t,i){await ge(e,"revoke",{device_id:[t],recipient:i},!1)}(t,i,e.user_id))}extend(e,t){const i=this.hass,s=this.camera.device_id;i&&s&&this.run(e.user_id,()=>async function(e,t,i,s){const n={device_id:[t],recipient:i,...fe(s)};await ge(e,"set_expiry",n,!1)}(i,s,e.user_id,t))}renderBody(){return this.camera.sharees.length?q`<ha-list-base aria-label=${this.heading()}>
      ${this.camera.sharees.map(e=>this.renderSharee(e))}
    </ha-list-base>`:q`<p class="muted">${this.localize("manage.empty")}</p>`}renderSharee(e){const t=function(e){return e.recipient_name??e.nickname}(e),i=this.busy.has(e.user_id),s=Boolean(this.camera.device_id)&&!i,n=e.expires_at,a=this.format,r=(e,t,i,n,a)=>q`<ha-button
        class=${e}
        data-hours=${a??F}
        size="s"
        appearance=${"revoke"===e?"filled":"plain"}
        variant=${"revoke"===e?"danger":"brand"}
        aria-label=${n??F}
        .disabled=${!s}
        @click=${()=>s&&i()}
        >${t}</ha-button
      >`;return q`<ha-list-item-base data-user=${e.user_id}>
      <span slot="headline" class="name"
        >${t}${e.recipient_name?q` <span class="muted">(${e.nickname})</span>`:F}</span
      >
      <div slot="supporting-text">
        <div class="status">
          ${this.localize(`manage.status.${e.status}`)} ·
          ${this.localize(`permission.${e.permission}`)}
          ${e.since?q` · ${this.localize("manage.since",{time:a.dateTime(new Date(e.since))})}`:F}
        </div>
        <div class="expiry">
          ${n?`${this.localize("manage.expires",{relative:a.relative(new Date(n),this.now)})} · ${a.dateTime(new Date(n))}`:this.localize("manage.permanent")}
        </div>
        <div class="row-actions" role="group" aria-label=${this.localize("manage.extend_label",{name:t})}>
          ${n?q`${Ut.map(({key:t,hours:i})=>r("extend",this.localize(t),()=>this.extend(e,{kind:"until",until:Rt(n,i,new Date)}),void 0,i))}
                ${r("permanent",this.localize("manage.extend.permanent"),()=>this.extend(e,{kind:"permanent"}))}`:F}
          ${r("revoke",this.localize("manage.revoke"),()=>this.revoke(e),this.localize("manage.revoke_label",{name:t}))}
        </div>
      </div>
    </ha-list-item-base>`}}function jt(e){return"pending"===e.status}e([de({attribute:!1})],Nt.prototype,"camera",void 0),e([ue()],Nt.prototype,"now",void 0),e([ue()],Nt.prototype,"busy",void 0),ct("xcs-manage-dialog",Nt);class It extends oe{constructor(){super(...arguments),this.invites=[],this.accounts=[],this.localize=Ze("en"),this.format=et(void 0),this.busy=new Set}static{this.styles=[Ne,je,r`
      .camera {
        font-weight: 500;
      }
    `]}async answer(e,t){if(this.hass){this.busy=new Set(this.busy).add(e.invite_id);try{await async function(e,t,i,s){const n=s?"accept_invite":"decline_invite";await ge(e,n,{config_entry_id:t,invite_id:i},!1)}(this.hass,e.entry_id,e.invite_id,t)}catch{}finally{const t=new Set(this.busy);t.delete(e.invite_id),this.busy=t}}}render(){return this.invites.length?q`<ha-list-base aria-label=${this.localize("tab.invites")}>
      ${this.invites.map(e=>this.renderInvite(e))}
    </ha-list-base>`:q`<p class="muted empty">${this.localize("invites.empty")}</p>`}renderInvite(e){const t=this.localize,i=t(`region.${e.region}`),s=function(e,t){return t.find(t=>t.entry_id===e.entry_id)}(e,this.accounts),n={camera:e.device_name,name:e.sender_name},a=jt(e),r=this.busy.has(e.invite_id);return q`<ha-list-item-base data-invite=${e.invite_id}>
      <span slot="headline" class="camera"
        >${e.device_name} <span class="muted">${e.model}</span></span
      >
      <div slot="supporting-text">
        <div>
          ${t("invites.from",{name:e.sender_name})} ·
          ${t(`permission.${e.permission}`)}
          ${s?q` · → ${s.nickname}`:F}
        </div>
        <div>
          ${t("invites.waits_in",{region:i})}
          ${function(e){return jt(e)&&Boolean(e.expires_at)}(e)&&e.expires_at?q` ·
                ${t("invites.expires",{relative:this.format.relative(new Date(e.expires_at),new Date)})}`:F}
          ${a?F:q` · ${t("invites.expired")}`}
        </div>
        ${function(e){return!1===e.region_in_use}(e)?q`<ha-alert class="region-note" alert-type="warning"
                >${t("invites.region_not_used",{region:i})}</ha-alert
              >`:F}
        ${a?q`<div class="row-actions">
                <ha-button
                  class="accept"
                  size="s"
                  .disabled=${r}
                  aria-label=${t("invites.accept_label",n)}
                  @click=${()=>!r&&this.answer(e,!0)}
                  >${t("invites.accept")}</ha-button
                >
                <ha-button
                  class="decline"
                  size="s"
                  appearance="plain"
                  .disabled=${r}
                  aria-label=${t("invites.decline_label",n)}
                  @click=${()=>!r&&this.answer(e,!1)}
                  >${t("invites.decline")}</ha-button
                >
              </div>`:F}
      </div>
    </ha-list-item-base>`}}e([de({attribute:!1})],It.prototype,"invites",void 0),e([de({attribute:!1})],It.prototype,"accounts",void 0),e([de({attribute:!1})],It.prototype,"localize",void 0),e([de({attribute:!1})],It.prototype,"format",void 0),e([ue()],It.prototype,"busy",void 0),ct("xcs-invites-view",It);class Lt extends oe{constructor(){super(...arguments),this.recent=[],this.localize=Ze("en"),this.format=et(void 0),this.older=[],this.hasMore=!0,this.loading=!1}static{this.styles=[Ne,je,r`
      ha-list-item-base {
        --ha-row-item-min-height: 0;
        --ha-row-item-padding-block: var(--ha-space-2, 8px);
      }
    `]}willUpdate(e){e.has("recent")&&!this.older.length&&(this.hasMore=this.recent.length>=20)}get entries(){return function(e,t){const i=new Map;for(const s of[...e,...t])i.set(s.id,s);return[...i.values()].sort((e,t)=>t.id-e.id)}(this.recent,this.older)}async loadMore(){if(!this.hass)return;const e=this.entries[this.entries.length-1];this.loading=!0;try{const t=await async function(e,t){const i=await e.callWS({type:me.history,limit:20,...void 0===t?{}:{before_id:t}});return{entries:i.entries,has_more:i.has_more??i.entries.length>=20}}(this.hass,e?.id);this.older=[...this.older,...t.entries],this.hasMore=t.has_more}finally{this.loading=!1}}describe(e){return this.localize(`history.${e.type}`,function(e,t){return{nickname:e.nickname??e.user_id??t("history.someone"),camera:e.camera_name??t("history.a_camera"),message:e.message??""}}(e,this.localize))}render(){const e=this.entries;return e.length||this.hasMore?q`<ha-list-base
        aria-label=${this.localize("tab.history")}
        aria-busy=${this.loading?"true":"false"}
      >
        ${e.map(e=>q`<ha-list-item-base data-id=${e.id} class=${e.type}>
              <span slot="headline">${this.describe(e)}</span>
              <time slot="supporting-text" datetime=${e.time}
                >${this.format.dateTime(new Date(e.time))}</time
              >
            </ha-list-item-base>`)}
      </ha-list-base>
      ${this.hasMore?q`<ha-button
              class="more"
              appearance="plain"
              .loading=${this.loading}
              @click=${()=>!this.loading&&this.loadMore()}
              >${this.localize("history.more")}</ha-button
            >`:F}`:q`<p class="muted empty">${this.localize("history.empty")}</p>`}}e([de({attribute:!1})],Lt.prototype,"recent",void 0),e([de({attribute:!1})],Lt.prototype,"localize",void 0),e([de({attribute:!1})],Lt.prototype,"format",void 0),e([ue()],Lt.prototype,"older",void 0),e([ue()],Lt.prototype,"hasMore",void 0),e([ue()],Lt.prototype,"loading",void 0),ct("xcs-history-view",Lt);const Bt=`${ze}-editor`;class qt extends oe{constructor(){super(...arguments),this.tab="cameras",this.entityStates={},this.localize=Ze("en"),this.format=et(void 0),this.loadingStrings=!1,this.stateController=new be(this),this.loads=new Set}static{this.styles=[Ne,r`
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
        font: inherit;
        font-weight: 500;
        cursor: pointer;
        background: none;
        padding: 8px 12px;
        min-height: 40px;
        border: none;
        border-bottom: 2px solid transparent;
        color: var(--secondary-text-color, #727272);
      }
      [role="tab"]:focus-visible {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: -2px;
      }
      /* The line marks the tab; its text stays in the text colour, which keeps its contrast. */
      [role="tab"][aria-selected="true"] {
        color: var(--primary-text-color, #212121);
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
      .message.error {
        color: var(--error-color, #db4437);
      }
    `]}static async getConfigElement(){return await(import("./xcs-card-editor-CsbGhH5a.js")),document.createElement(Bt)}static getStubConfig(){return{type:`custom:${ze}`}}get hass(){return this.currentHass}set hass(e){const t=this.currentHass;this.currentHass=e,this.stateController.setHass(e),t||(it("hui-image")?Promise.resolve():at(),ot(),this.requestUpdate()),t&&t.locale===e.locale&&t.config?.time_zone===e.config?.time_zone||(this.format=et(e),this.useLanguage(Ke(e))),this.refreshEntityStates()}useLanguage(e){this.localize=Ze(e,this.format.number),this.loadingStrings=!Fe(e),this.loadingStrings&&this.waitFor(Ve(e).then(()=>{Ke(this.currentHass)===e&&(this.localize=Ze(e,this.format.number),this.loadingStrings=!1)}))}waitFor(e){const t=()=>this.loads.delete(e);this.loads.add(e),e.then(t,t)}async getUpdateComplete(){for(;this.loads.size;)await Promise.allSettled([...this.loads]);return super.getUpdateComplete()}setConfig(e){try{this.config=Oe(e)}catch(e){if(e instanceof Me)throw new Error(Ze(Ke(this.currentHass))("error.config",{detail:e.message}));throw e}this.config.sections.includes(this.tab)||(this.tab=this.config.sections[0]??"cameras"),this.refreshEntityStates()}getCardSize(){const e=this.shownCameras.length||1;return 1+4*Math.ceil(e/(this.config?.columns??2))}getGridOptions(){return{columns:12,min_columns:6,rows:"auto",min_rows:4}}get shownCameras(){return Re(this.stateController.document?.cameras??[],this.config?.cameras)}refreshEntityStates(){const e=this.currentHass?.states;if(!e)return;const t={};let i=!1;for(const s of this.shownCameras){const n=s.camera_entity;n&&(t[n]=e[n],this.entityStates[n]!==t[n]&&(i=!0))}(i||Object.keys(t).length!==Object.keys(this.entityStates).length)&&(this.entityStates=t)}willUpdate(e){this.stateController.document!==this.seenDocument&&(this.seenDocument=this.stateController.document,this.refreshEntityStates())}render(){const e=this.config;return e?q`<ha-card>
      ${e.title?q`<h1>${e.title}</h1>`:F}
      ${this.loadingStrings?F:this.renderContent(e)}
    </ha-card>`:q``}renderContent(e){const t=this.localize,i=this.stateController.error;if(i){const e="unauthorized"===i?t("card.not_admin"):t("card.unavailable",{error:i});return q`<p class="message error" role="alert">${e}</p>`}const s=this.stateController.document;return s?s.accounts.length?q`${this.renderBanners(s)} ${this.renderTabs(e,s)}
      <div role="tabpanel" aria-labelledby="tab-${this.tab}">${this.renderSection(e,s)}</div>
      ${this.renderDialog(s)}`:q`<p class="message not-configured">${t("card.not_configured")}</p>`:q`<p class="message loading" role="status">${t("card.loading")}</p>`}renderBanners(e){return q`${e.accounts.filter(e=>"ok"!==e.status).map(e=>"offline"===e.status?q`<div class="banner offline" role="status">
              ${this.localize("card.offline",{account:e.nickname})}
            </div>`:q`<div class="banner error auth-failed" role="alert">
              ${this.localize("card.auth_failed",{account:e.nickname})}
            </div>`)}`}renderTabs(e,t){if(e.sections.length<2)return F;const i=t.invites.filter(e=>"pending"===e.status).length;return q`<div
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
            ${this.localize(`tab.${e}`)}${"invites"===e&&i?` (${this.format.number(i)})`:""}
          </button>`)}
    </div>`}async onTabKey(e,t){const i={ArrowRight:1,ArrowLeft:-1}[e.key];if(!i)return;e.preventDefault();const s=t.indexOf(this.tab);this.tab=t[(s+i+t.length)%t.length]??this.tab,await this.updateComplete,this.shadowRoot?.querySelector(`#tab-${this.tab}`)?.focus()}renderSection(e,t){switch(this.tab){case"invites":return q`<xcs-invites-view
          .hass=${this.currentHass}
          .invites=${t.invites}
          .accounts=${t.accounts}
          .localize=${this.localize}
          .format=${this.format}
        ></xcs-invites-view>`;case"history":return q`<xcs-history-view
          .hass=${this.currentHass}
          .recent=${t.history}
          .localize=${this.localize}
          .format=${this.format}
        ></xcs-history-view>`;case"cameras":{const t=this.shownCameras;return t.length?q`<xcs-camera-grid
          .hass=${this.currentHass}
          .cameras=${t}
          .entityStates=${this.entityStates}
          .columns=${e.columns}
          .live=${e.live}
          .actions=${this.actions(e)}
          .localize=${this.localize}
          @xcs-share=${e=>this.openDialog("share",e.detail.did)}
          @xcs-manage=${e=>this.openDialog("manage",e.detail.did)}
        ></xcs-camera-grid>`:q`<p class="message empty">${this.localize("card.empty")}</p>`}}}actions(e){if(this.tileActions?.config!==e){const{tap_action:t=xe,hold_action:i,double_tap_action:s}=e,n={tap_action:t};i&&(n.hold_action=i),s&&(n.double_tap_action=s),this.tileActions={config:e,params:n}}return this.tileActions.params}async openDialog(e,t){await ot(),this.dialog={kind:e,did:t}}renderDialog(e){const t=this.dialog,i=t&&e.cameras.find(e=>e.did===t.did);if(!t||!i)return F;const s=()=>{this.dialog=void 0};return"share"===t.kind?q`<xcs-share-dialog
        .hass=${this.currentHass}
        .camera=${i}
        .accounts=${e.accounts}
        .recipients=${e.recipients}
        .localize=${this.localize}
        .format=${this.format}
        @closed=${s}
      ></xcs-share-dialog>`:q`<xcs-manage-dialog
      .hass=${this.currentHass}
      .camera=${i}
      .localize=${this.localize}
      .format=${this.format}
      @closed=${s}
    ></xcs-manage-dialog>`}}e([ue()],qt.prototype,"config",void 0),e([ue()],qt.prototype,"tab",void 0),e([ue()],qt.prototype,"dialog",void 0),e([ue()],qt.prototype,"entityStates",void 0),e([ue()],qt.prototype,"localize",void 0),e([ue()],qt.prototype,"format",void 0),e([ue()],qt.prototype,"loadingStrings",void 0),ct(ze,qt),window.customCards??=[],window.customCards.some(e=>e.type===ze)||window.customCards.push(function(){const e=Ze(navigator.language),t={type:ze,name:e("card.name"),description:e("card.description"),preview:!1,getEntitySuggestion:(e,t)=>t.startsWith("camera.")?{config:{type:`custom:${ze}`,cameras:[t]}}:null};return Fe(navigator.language)||Ve(navigator.language).then(()=>{const e=Ze(navigator.language);t.name=e("card.name"),t.description=e("card.description")}),t}());export{F as A,ze as C,pe as D,Bt as EDITOR_TAG,Ee as L,De as M,Ce as S,we as T,qt as XiaomiCameraShareCard,e as _,be as a,Fe as b,Ve as c,ct as d,Me as e,_e as f,q as g,Re as h,oe as i,Pe as j,Ke as l,Ze as m,Oe as p,ue as r,ot as s};
